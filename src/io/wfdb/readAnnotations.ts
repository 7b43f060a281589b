import type { AnnotationSet } from '../../record/types.js';
import type { FileSource } from '../source.js';
import { readMitAnnotationSet } from './annotations.js';

/**
 * Reads `<record>.<annotator>` for each annotator that exists; missing ones are skipped. Each set
 * keeps what {@link writeMitAnnotations} needs to write the file back byte for byte.
 *
 * @example
 * const [atr] = await readWfdbAnnotationSets('100', ['atr'], nodeFileSource('../shared/data/mitdb'));
 */
export async function readWfdbAnnotationSets(recordName: string, annotators: string[], source: FileSource): Promise<AnnotationSet[]> {
  const sets: AnnotationSet[] = [];
  for (const annotator of annotators) {
    const file = `${recordName}.${annotator}`;
    if (!(await source.exists(file))) continue;
    sets.push(readMitAnnotationSet(await source.read(file), annotator, file));
  }
  return sets;
}
