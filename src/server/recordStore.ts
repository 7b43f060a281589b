import { randomUUID } from 'node:crypto';
import type { Analysis } from '../analyze.js';
import type { EcgRecord } from '../record/types.js';

interface Entry {
  record: EcgRecord;
  analysis: Analysis;
  expires: number;
}

/**
 * Recently uploaded records, kept in memory so their pictures can be fetched with GET; bounded in
 * count (oldest dropped first) and in age. Ids are random UUIDs, never derived from file names.
 */
export class RecordStore {
  private readonly map = new Map<string, Entry>();

  constructor(private readonly maxRecords: number, private readonly ttlMs: number) {}

  put(record: EcgRecord, analysis: Analysis): string {
    this.sweep();
    while (this.map.size >= this.maxRecords) this.map.delete(this.map.keys().next().value as string);
    const id = randomUUID();
    this.map.set(id, { record, analysis, expires: Date.now() + this.ttlMs });
    return id;
  }

  get(id: string): Entry | null {
    const e = this.map.get(id);
    if (!e || e.expires < Date.now()) {
      this.map.delete(id);
      return null;
    }
    return e;
  }

  get size(): number {
    return this.map.size;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, e] of this.map) if (e.expires < now) this.map.delete(id);
  }
}
