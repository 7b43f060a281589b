/**
 * Re-analysis of stored records after an upgrade: every record whose analysis was made by another
 * software or schema version (or every record, with `all`) is read back from its stored bytes,
 * analysed with the shipped models, and its analysis and `features-v1` embedding replaced. Node only.
 */
import { analyze } from '../analyze.js';
import { recordFromFiles } from '../analyze/recordFromFiles.js';
import { shippedModelStageOptions } from '../analyze/shippedModels.node.js';
import { FEATURE_EMBEDDING_KIND, featureVector } from '../similar/featureVector.js';
import { ANALYSIS_SCHEMA_VERSION, SINUS_VERSION } from '../version.js';
import type { EcgStore } from './types.js';

export interface ReanalyzeSummary {
  analysed: number;
  upToDate: number;
  /** Records that could not be read or analysed, with the reason (left as they were). */
  failed: { id: string; reason: string }[];
}

/**
 * Re-analyses the store's out-of-date records; `onRecord` reports progress.
 *
 * @example const { analysed } = await reanalyzeStore(await openStore());
 */
export async function reanalyzeStore(store: EcgStore, options: { all?: boolean; onRecord?: (id: string, done: number) => void } = {}): Promise<ReanalyzeSummary> {
  const out: ReanalyzeSummary = { analysed: 0, upToDate: 0, failed: [] };
  const stageOptions = await shippedModelStageOptions();
  let afterId: string | undefined;
  let done = 0;
  for (;;) {
    const page = await store.listRecords({ limit: 200, afterId });
    if (!page.length) break;
    afterId = page[page.length - 1].id;
    for (const r of page) {
      const current = options.all ? null : await store.getAnalysis(r.id);
      if (current && current.softwareVersion === SINUS_VERSION && current.schemaVersion === ANALYSIS_SCHEMA_VERSION) {
        out.upToDate++;
        continue;
      }
      try {
        const files = await store.getFiles(r.id);
        if (!files) throw new Error('no stored files');
        const analysis = await analyze(await recordFromFiles(files), { stageOptions });
        await store.putAnalysis(r.id, analysis);
        await store.putEmbedding(r.id, FEATURE_EMBEDDING_KIND, featureVector(analysis));
        out.analysed++;
      } catch (e) {
        out.failed.push({ id: r.id, reason: e instanceof Error ? e.message : String(e) });
      }
      options.onRecord?.(r.id, ++done);
    }
  }
  return out;
}
