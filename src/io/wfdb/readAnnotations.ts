import type { AnnotationSet } from '../../record/types.js';
import type { FileSource } from '../source.js';
import { parseMitAnnotations } from './annotations.js';

/** Reads `<record>.<annotator>` for each annotator that exists; missing ones are skipped. */
export async function readWfdbAnnotationSets(recordName: string, annotators: string[], source: FileSource): Promise<AnnotationSet[]> {
  const sets: AnnotationSet[] = [];
  for (const annotator of annotators) {
    const file = `${recordName}.${annotator}`;
    if (!(await source.exists(file))) continue;
    sets.push({ annotator, annotations: parseMitAnnotations(await source.read(file), file) });
  }
  return sets;
}
