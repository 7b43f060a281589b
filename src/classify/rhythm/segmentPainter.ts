/**
 * A tiling of [start, end) into labelled segments, painted in order of priority: painting a span
 * splits and overwrites whatever lies under it. Rhythm episodes are built this way (sinus first,
 * then SVTA, AF, VT, VF on top).
 */
import type { RhythmLabel } from './types.js';

export interface Segment {
  label: RhythmLabel;
  startSample: number;
  endSample: number;
  confidence: number;
  reason: string;
}

/**
 * Paints `span` over `tiles` (sorted, non-overlapping) and returns the new tiling.
 *
 * @example
 * paintSegment([{ label: 'sinus_rhythm', startSample: 0, endSample: 100, confidence: 1, reason: '' }],
 *   { label: 'atrial_fibrillation', startSample: 40, endSample: 60, confidence: 0.9, reason: '' });
 */
export function paintSegment(tiles: Segment[], span: Segment): Segment[] {
  if (span.endSample <= span.startSample) return tiles;
  const out: Segment[] = [];
  let placed = false;
  for (const t of tiles) {
    if (t.endSample <= span.startSample || t.startSample >= span.endSample) {
      if (!placed && t.startSample >= span.endSample) { out.push(span); placed = true; }
      out.push(t);
      continue;
    }
    if (t.startSample < span.startSample) out.push({ ...t, endSample: span.startSample });
    if (!placed) { out.push(span); placed = true; }
    if (t.endSample > span.endSample) out.push({ ...t, startSample: span.endSample });
  }
  if (!placed) {
    out.push(span);
    out.sort((a, b) => a.startSample - b.startSample);
  }
  return out;
}

/**
 * Joins neighbouring segments of the same label (confidence: duration-weighted mean; reason: that of
 * the longest piece, so a long 'undetermined' stretch says why it is undetermined for most of it).
 *
 * @example
 * mergeSameLabel(tiles).map((t) => t.label);
 */
export function mergeSameLabel(tiles: Segment[]): Segment[] {
  const out: Segment[] = [];
  let longestPiece = 0;
  for (const t of tiles) {
    if (t.endSample <= t.startSample) continue;
    const last = out[out.length - 1];
    const db = t.endSample - t.startSample;
    if (last && last.label === t.label && last.endSample >= t.startSample) {
      const da = last.endSample - last.startSample;
      last.confidence = (last.confidence * da + t.confidence * db) / (da + db);
      last.endSample = Math.max(last.endSample, t.endSample);
      if (db > longestPiece) { longestPiece = db; last.reason = t.reason; }
    } else {
      out.push({ ...t });
      longestPiece = db;
    }
  }
  return out;
}
