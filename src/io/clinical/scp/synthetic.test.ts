/**
 * SCP features the real test files do not use (reference-beat subtraction, bimodal compression,
 * custom Huffman tables), checked on records built here from the standard's layout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc16Ccitt } from '../checksums.js';
import { readScpEcg } from './readScp.js';
import { locateScpSections } from './sections.js';
import { decodeScpHuffman, DEFAULT_SCP_HUFFMAN_TABLE, parseScpHuffmanTables } from './huffman.js';
import { formatFile } from '../../../../test/formatFiles.js';

class Writer {
  bytes: number[] = [];
  u8(v: number) { this.bytes.push(v & 0xff); return this; }
  u16(v: number) { return this.u8(v).u8(v >> 8); }
  i16(v: number) { return this.u16(v & 0xffff); }
  u32(v: number) { return this.u16(v & 0xffff).u16(v >>> 16); }
  data() { return Uint8Array.from(this.bytes); }
}

/** A whole SCP record from section bodies (headers, pointers and CRCs computed). */
function buildScp(bodies: Map<number, Uint8Array>): Uint8Array {
  const ids = [...bodies.keys()].sort((a, b) => a - b);
  const s0len = 16 + 10 * (ids.length + 1);
  let offset = 6 + s0len;
  const placed = ids.map((id) => { const at = offset; offset += 16 + bodies.get(id)!.length; return { id, at, len: 16 + bodies.get(id)!.length }; });
  const out = new Uint8Array(offset);
  const dv = new DataView(out.buffer);
  dv.setUint32(2, offset, true);
  const header = (at: number, id: number, len: number) => {
    dv.setUint16(at + 2, id, true); dv.setUint32(at + 4, len, true); out[at + 8] = 20; out[at + 9] = 20;
    out.set(new TextEncoder().encode('SCPECG'), at + 10);
  };
  header(6, 0, s0len);
  const ptr = (k: number, id: number, len: number, at: number) => { const p = 6 + 16 + 10 * k; dv.setUint16(p, id, true); dv.setUint32(p + 2, len, true); dv.setUint32(p + 6, at + 1, true); };
  ptr(0, 0, s0len, 6);
  placed.forEach((p, k) => { ptr(k + 1, p.id, p.len, p.at); header(p.at, p.id, p.len); out.set(bodies.get(p.id)!, p.at + 16); });
  for (const p of [{ at: 6, len: s0len }, ...placed]) dv.setUint16(p.at, crc16Ccitt(out, p.at + 2, p.at + p.len), true);
  dv.setUint16(0, crc16Ccitt(out, 2, offset), true);
  return out;
}

function section3(nSamples: number, refSubtraction: boolean): Uint8Array {
  return new Writer().u8(1).u8((refSubtraction ? 1 : 0) | 4 | (1 << 3)).u32(1).u32(nSamples).u8(2).data();
}

function encoded(avmNv: number, intervalUs: number, bimodal: boolean, values: number[]): Uint8Array {
  const w = new Writer().u16(avmNv).u16(intervalUs).u8(0).u8(bimodal ? 1 : 0).u16(values.length * 2);
  for (const v of values) w.i16(v);
  return w.data();
}

test('reference-beat subtraction: the section 5 beat is added back around each type-0 fiducial', () => {
  const ref = [0, 10, 20, 40, 80, 40, 20, 10, 0]; // fiducial (1-based) at 5
  const n = 60;
  const residual = Array.from({ length: n }, (_, i) => (i % 7) - 3);
  const s4 = new Writer().u16(18).u16(5).u16(2) // 9 samples x 2 ms, fiducial 5, 2 QRS
    .u16(0).u32(11).u32(15).u32(19) // type 0 around sample 15
    .u16(1).u32(31).u32(35).u32(39) // type 1: not subtracted
    .u32(11).u32(19).u32(31).u32(39).data();
  const rec = readScpEcg(buildScp(new Map([
    [3, section3(n, true)], [4, s4], [5, encoded(1000, 2000, false, ref)], [6, encoded(1000, 2000, false, residual)],
  ])), 'ref.scp');
  assert.equal(rec.length, n);
  const uv = Array.from(rec.leads[0].samples, (v) => Math.round(v * 1000));
  for (let t = 1; t <= n; t++) {
    const r = t >= 11 && t <= 19 ? ref[t - 15 + 5 - 1] : 0;
    assert.equal(uv[t - 1], residual[t - 1] + r, `sample ${t}`);
  }
  assert.deepEqual(rec.annotations[0].annotations.map((a) => [a.sample, a.code]), [[14, 'N'], [34, 'Q']]);
});

test('bimodal compression: protected zone at full rate, the rest rebuilt from 1-in-4 storage', () => {
  const n = 40;
  const zone = { start: 17, end: 24 }; // 8 full-rate samples
  // outside: blocks of 4 before (16 samples = 4 values) and after (16 samples = 4 values)
  const before = [0, 40, 80, 120];
  const inside = [200, 210, 220, 230, 240, 250, 260, 270];
  const after = [280, 240, 200, 160];
  const s4 = new Writer().u16(16).u16(9).u16(1).u16(0).u32(17).u32(20).u32(24).u32(zone.start).u32(zone.end).data();
  const rec = readScpEcg(buildScp(new Map([
    [3, section3(n, false)], [4, s4], [5, encoded(1000, 1000, false, new Array(16).fill(0))], [6, encoded(1000, 4000, true, [...before, ...inside, ...after])],
  ])), 'bimodal.scp');
  assert.equal(rec.fs, 1000);
  assert.equal(rec.length, n);
  const uv = Array.from(rec.leads[0].samples, (v) => Math.round(v * 1000));
  assert.deepEqual(uv.slice(16, 24), inside); // protected samples exact
  // block centres (1.5, 5.5, ...) carry the stored values; between them the line through them
  assert.ok(Math.abs(uv[7] - (40 + (80 - 40) * (7 - 5.5) / 4)) <= 1, `sample 8: ${uv[7]}`);
  assert.ok(Math.abs(uv[30] - (240 + (200 - 240) * (30 - 29.5) / 4)) <= 1, `sample 31: ${uv[30]}`);
});

test('a custom Huffman table spelling out the default one decodes Example.scp identically', () => {
  const d = DEFAULT_SCP_HUFFMAN_TABLE;
  const w = new Writer().u16(1).u16(d.length);
  for (const c of d) w.u8(c.prefixBits).u8(c.totalBits).u8(c.mode).i16(c.value).u32(c.storedCode);
  const custom = parseScpHuffmanTables(w.data(), 'custom');
  const s6 = locateScpSections(formatFile('scp-ecg', 'Example.scp'), 'Example.scp').sections.get(6)!.data;
  const len = s6[6] | (s6[7] << 8); // first lead's byte count; 12 counts precede the data
  const lead = s6.subarray(6 + 2 * 12, 6 + 2 * 12 + len);
  assert.deepEqual(Array.from(decodeScpHuffman(lead, 5000, custom, 'c')), Array.from(decodeScpHuffman(lead, 5000, [DEFAULT_SCP_HUFFMAN_TABLE], 'd')));
});
