/**
 * The embedded store: one SQLite file (better-sqlite3), created on first use with its folder, in
 * WAL mode so a killed writer leaves the last committed transaction intact; foreign keys on, so a
 * deleted record takes its files, analysis and embeddings with it. Node only.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { Analysis } from '../analyze.js';
import { SinusError } from '../errors.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { checkedRecordId } from './recordId.js';
import { preparedRecord, vectorBytes, vectorFromBytes } from './storedRecordInput.js';
import type { EcgStore, ListRecordsOptions, StoredAnalysis, StoredEmbedding, StoredRecordInput, StoredRecordSummary } from './types.js';

interface RecordRow {
  id: string; name: string; created_at: string; patient_id: string | null; age_years: number | null; sex: 'M' | 'F' | null;
  labels: string; byte_count: number; file_names: string | null; software_version: string | null;
}

const SUMMARY_SQL = `SELECT r.id, r.name, r.created_at, r.patient_id, r.age_years, r.sex, r.labels, r.byte_count,
  (SELECT group_concat(name, char(10)) FROM (SELECT name FROM record_files f WHERE f.record_id = r.id ORDER BY name)) AS file_names,
  a.software_version FROM records r LEFT JOIN analyses a ON a.record_id = r.id`;

function summary(r: RecordRow): StoredRecordSummary {
  return {
    id: r.id, name: r.name, createdAt: r.created_at, patientId: r.patient_id, ageYears: r.age_years, sex: r.sex,
    labels: JSON.parse(r.labels) as string[], fileNames: r.file_names ? r.file_names.split('\n') : [], byteCount: r.byte_count,
    analysisSoftwareVersion: r.software_version,
  };
}

const u8 = (b: Buffer | Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Loads better-sqlite3 lazily, so the rest of sinus runs where the native module is not built. */
function loadDriver(): typeof BetterSqlite3 {
  try {
    return createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  } catch (e) {
    throw new SinusError('BAD_ARGUMENT', `the SQLite store needs the native module better-sqlite3 (npm rebuild better-sqlite3): ${(e as Error).message}`);
  }
}

/**
 * Opens (creating on first use) the SQLite store at `path` (`:memory:` for a throwaway one) and
 * applies pending migrations.
 *
 * @example
 * const store = openSqliteStore('/tmp/sinus.sqlite');
 * const id = await store.putRecord({ files: { '100.hea': hea, '100.dat': dat } });
 */
export function openSqliteStore(path: string): EcgStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const Driver = loadDriver();
  const db = new Driver(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const insertRecord = db.prepare('INSERT INTO records (id, name, created_at, patient_id, age_years, sex, labels, byte_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertFile = db.prepare('INSERT INTO record_files (record_id, name, bytes, sha256) VALUES (?, ?, ?, ?)');
  const upsertAnalysis = db.prepare(`INSERT INTO analyses (record_id, software_version, schema_version, created_at, analysis) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(record_id) DO UPDATE SET software_version = excluded.software_version, schema_version = excluded.schema_version,
    created_at = excluded.created_at, analysis = excluded.analysis`);
  const upsertEmbedding = db.prepare(`INSERT INTO embeddings (record_id, kind, dim, vector) VALUES (?, ?, ?, ?)
    ON CONFLICT(record_id, kind) DO UPDATE SET dim = excluded.dim, vector = excluded.vector`);
  const exists = db.prepare('SELECT 1 FROM records WHERE id = ?');
  const writeAnalysis = (id: string, a: Analysis) =>
    upsertAnalysis.run(id, a.software?.version ?? 'unknown', a.schemaVersion ?? 'unknown', new Date().toISOString(), JSON.stringify(a));

  const putTx = db.transaction((input: StoredRecordInput) => {
    const p = preparedRecord(input);
    insertRecord.run(p.id, p.name, p.createdAt, p.patientId, p.ageYears, p.sex, JSON.stringify(p.labels), p.byteCount);
    for (const f of p.files) insertFile.run(p.id, f.name, Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength), f.sha256);
    if (input.analysis) writeAnalysis(p.id, input.analysis);
    return p.id;
  });

  return {
    backend: 'sqlite',
    location: path,
    async putRecord(input) {
      try {
        return putTx(input);
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new SinusError('BAD_ARGUMENT', `record id ${input.id} is already stored`);
        }
        throw e;
      }
    },
    async getRecord(id) {
      const r = db.prepare(`${SUMMARY_SQL} WHERE r.id = ?`).get(checkedRecordId(id)) as RecordRow | undefined;
      return r ? summary(r) : null;
    },
    async getFiles(id) {
      const rows = db.prepare('SELECT name, bytes FROM record_files WHERE record_id = ? ORDER BY name').all(checkedRecordId(id)) as { name: string; bytes: Buffer }[];
      return rows.length ? Object.fromEntries(rows.map((r) => [r.name, u8(r.bytes)])) : null;
    },
    async putAnalysis(id, analysis) {
      if (!exists.get(checkedRecordId(id))) return false;
      writeAnalysis(id, analysis);
      return true;
    },
    async getAnalysis(id) {
      const r = db.prepare('SELECT record_id, software_version, schema_version, created_at, analysis FROM analyses WHERE record_id = ?').get(checkedRecordId(id)) as
        | { record_id: string; software_version: string; schema_version: string; created_at: string; analysis: string } | undefined;
      return r ? ({ recordId: r.record_id, softwareVersion: r.software_version, schemaVersion: r.schema_version, createdAt: r.created_at, analysis: JSON.parse(r.analysis) } as StoredAnalysis) : null;
    },
    async listRecords(options: ListRecordsOptions = {}) {
      const limit = Math.max(1, Math.min(10_000, Math.floor(options.limit ?? 100)));
      const where: string[] = [];
      const args: unknown[] = [];
      if (options.afterId) { where.push('r.seq > (SELECT seq FROM records WHERE id = ?)'); args.push(checkedRecordId(options.afterId)); }
      if (options.patientId) { where.push('r.patient_id = ?'); args.push(options.patientId); }
      const sql = `${SUMMARY_SQL} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY r.seq LIMIT ${limit}`;
      return (db.prepare(sql).all(...args) as RecordRow[]).map(summary);
    },
    async deleteRecord(id) {
      return db.prepare('DELETE FROM records WHERE id = ?').run(checkedRecordId(id)).changes > 0;
    },
    async putEmbedding(id, kind, vector) {
      if (!exists.get(checkedRecordId(id))) return false;
      upsertEmbedding.run(id, kind, vector.length, Buffer.from(vectorBytes(vector)));
      return true;
    },
    async getEmbedding(id, kind) {
      const r = db.prepare('SELECT vector FROM embeddings WHERE record_id = ? AND kind = ?').get(checkedRecordId(id), kind) as { vector: Buffer } | undefined;
      return r ? vectorFromBytes(u8(r.vector)) : null;
    },
    async embeddings(kind): Promise<StoredEmbedding[]> {
      const rows = db.prepare('SELECT e.record_id, e.vector FROM embeddings e JOIN records r ON r.id = e.record_id WHERE e.kind = ? ORDER BY r.seq').all(kind) as { record_id: string; vector: Buffer }[];
      return rows.map((r) => ({ recordId: r.record_id, vector: vectorFromBytes(u8(r.vector)) }));
    },
    async count() {
      return (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    },
    async migrations() {
      return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/** Applies the migrations not yet recorded, each in its own transaction. */
function migrate(db: BetterSqlite3.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const known = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));
  if (newest > known) throw new SinusError('BAD_ARGUMENT', `the store was written by a newer sinus (schema ${newest}, this one knows up to ${known})`);
  for (const m of SQLITE_MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(m.version, m.description, new Date().toISOString());
    }).immediate();
  }
}
