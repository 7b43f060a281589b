import { randomUUID } from 'node:crypto';
import type { Analysis } from '../analyze.js';
import type { EcgRecord } from '../record/types.js';

interface Entry {
  record: EcgRecord;
  analysis: Analysis;
  expires: number;
  bytes: number;
}

/** Memory a stored record holds: its sample arrays (the Analysis is small beside them). */
function recordBytes(r: EcgRecord): number {
  return r.leads.reduce((s, l) => s + l.samples.byteLength + (l.raw?.byteLength ?? 0), 0);
}

/**
 * Recently uploaded records, kept in memory so their pictures can be fetched with GET; bounded in
 * count, in bytes of samples (oldest dropped first) and in age. Ids are random UUIDs, never
 * derived from file names.
 */
export class RecordStore {
  private readonly map = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxRecords: number, private readonly ttlMs: number, private readonly maxBytes = 512 * 1024 * 1024) {}

  put(record: EcgRecord, analysis: Analysis): string {
    this.sweep();
    const bytes = recordBytes(record);
    while (this.map.size > 0 && (this.map.size >= this.maxRecords || this.bytes + bytes > this.maxBytes)) this.drop(this.map.keys().next().value as string);
    const id = randomUUID();
    this.map.set(id, { record, analysis, expires: Date.now() + this.ttlMs, bytes });
    this.bytes += bytes;
    return id;
  }

  private drop(id: string): void {
    const e = this.map.get(id);
    if (!e) return;
    this.bytes -= e.bytes;
    this.map.delete(id);
  }

  get(id: string): Entry | null {
    const e = this.map.get(id);
    if (!e || e.expires < Date.now()) {
      this.drop(id);
      return null;
    }
    return e;
  }

  get size(): number {
    return this.map.size;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, e] of this.map) if (e.expires < now) this.drop(id);
  }
}
