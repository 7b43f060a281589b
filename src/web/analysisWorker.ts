/**
 * Web Worker of the viewer: reads the dropped files and analyses the record off the page's main
 * thread, so scrolling and zooming stay smooth while a long record is analysed. Posts progress,
 * then the Analysis (or the error message).
 */
import { analyze } from '../analyze.js';
import { recordFromFiles } from '../analyze/recordFromFiles.js';

interface WorkerScope {
  onmessage: ((e: MessageEvent<{ files: Record<string, Uint8Array> }>) => void) | null;
  postMessage(msg: unknown): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = async (e) => {
  try {
    const record = await recordFromFiles(e.data.files);
    const analysis = await analyze(record, { onProgress: (p) => scope.postMessage({ progress: p }) });
    scope.postMessage({ analysis });
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
