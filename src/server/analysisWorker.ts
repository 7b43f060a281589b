/**
 * Worker thread of the {@link AnalysisPool}: runs one job at a time (analyse uploaded files,
 * analyse a record on disk, rasterise or print an SVG) and posts the result back.
 */
import { parentPort } from 'node:worker_threads';
import { analyze } from '../analyze.js';
import { shippedModelStageOptions } from '../analyze/shippedModels.node.js';
import { runAnalysisJob, serializeError } from './analysisJob.js';
import type { PoolRequest } from './analysisPool.js';

/** The ArrayBuffers a list of typed arrays owns whole (safe to transfer instead of copying). */
function ownBuffers(arrays: ArrayBufferView[]): ArrayBuffer[] {
  return arrays
    .filter((x) => x.byteOffset === 0 && x.byteLength === x.buffer.byteLength)
    .map((x) => x.buffer as ArrayBuffer)
    .filter((b, i, all) => all.indexOf(b) === i);
}

async function handle(req: PoolRequest): Promise<{ result: unknown; transfer: ArrayBuffer[] }> {
  switch (req.kind) {
    case 'analyzeFiles': {
      const result = await runAnalysisJob(req.job);
      return { result, transfer: ownBuffers(result.record.leads.map((l) => l.samples)) };
    }
    case 'analyzePath': {
      // analyze and the shipped models are loaded already (analysisJob imports them); openRecord only here.
      const { openRecord } = await import('../io/openRecord.js');
      const record = await openRecord(req.path);
      const analysis = await analyze(record, { only: req.only, skip: req.skip, stageOptions: await shippedModelStageOptions() });
      return { result: { analysis, checksumMismatch: !!record.checksums?.some((c) => c.ok === false) }, transfer: [] };
    }
    case 'png': {
      const { svgToPng } = await import('../render/png.node.js');
      const png = Uint8Array.from(svgToPng(req.svg, { dpi: req.dpi }));
      return { result: png, transfer: [png.buffer as ArrayBuffer] };
    }
    case 'pdf': {
      const { svgToPdf } = await import('../render/pdf.node.js');
      const pdf = Uint8Array.from(await svgToPdf(req.svg, { title: req.title }));
      return { result: pdf, transfer: [pdf.buffer as ArrayBuffer] };
    }
  }
}

parentPort!.on('message', async (msg: { id: number; req: PoolRequest }) => {
  try {
    const { result, transfer } = await handle(msg.req);
    parentPort!.postMessage({ id: msg.id, result }, transfer);
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: serializeError(e) });
  }
});
