/**
 * Reads the record at a path, analyses it with the shipped models and stores its original files,
 * analysis and `features-v1` embedding. Node only.
 */
import { analyze, type Analysis } from '../analyze.js';
import { recordFromFiles } from '../analyze/recordFromFiles.js';
import { shippedModelStageOptions } from '../analyze/shippedModels.node.js';
import { FEATURE_EMBEDDING_KIND, featureVector } from '../similar/featureVector.js';
import { recordFilesAt } from './recordFilesAt.js';
import type { EcgStore, StoredRecordInput } from './types.js';

/**
 * Stores the record at `path` with its analysis and embedding; returns its new id.
 *
 * @example const id = await importRecord(store, 'samples/100.hea', { patientId: 'p7' });
 */
export async function importRecord(store: EcgStore, path: string, meta: Omit<StoredRecordInput, 'files' | 'analysis'> = {}): Promise<string> {
  const files = recordFilesAt(path);
  const analysis = await analyze(await recordFromFiles(files), { stageOptions: await shippedModelStageOptions() });
  return storeAnalysedRecord(store, path, analysis, meta);
}

/**
 * Stores the record at `path` (its original files) with an analysis made elsewhere (a batch worker) and
 * its `features-v1` embedding; returns its new id.
 *
 * @example await storeAnalysedRecord(store, 'samples/100.hea', analysis);
 */
export async function storeAnalysedRecord(store: EcgStore, path: string, analysis: Analysis, meta: Omit<StoredRecordInput, 'files' | 'analysis'> = {}): Promise<string> {
  const id = await store.putRecord({ ...meta, files: recordFilesAt(path), analysis });
  await store.putEmbedding(id, FEATURE_EMBEDDING_KIND, featureVector(analysis));
  return id;
}
