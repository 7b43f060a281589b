/**
 * The PostgreSQL store (the `pg` client; PostgreSQL 15), for many writers and machines: the same
 * tables as the SQLite store, BYTEA file bytes, JSONB analyses; every write is one transaction and
 * migrations run under an advisory lock, so writers starting together migrate once. Node only.
 */
import pg from 'pg';
import type { Analysis } from '../analyze.js';
import { SinusError } from '../errors.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { checkedRecordId } from './recordId.js';
import { preparedRecord, vectorBytes, vectorFromBytes } from './storedRecordInput.js';
import type { EcgStore, ListRecordsOptions, StoredAnalysis, StoredRecordSummary } from './types.js';

interface RecordRow {
  id: string; name: string; created_at: Date; patient_id: string | null; age_years: number | null; sex: 'M' | 'F' | null;
  labels: string[]; byte_count: string; file_names: string[] | null; software_version: string | null;
}

const SUMMARY_SQL = `SELECT r.id, r.name, r.created_at, r.patient_id, r.age_years, r.sex, r.labels, r.byte_count,
  (SELECT array_agg(name ORDER BY name) FROM record_files f WHERE f.record_id = r.id) AS file_names,
  a.software_version FROM records r LEFT JOIN analyses a ON a.record_id = r.id`;

function summary(r: RecordRow): StoredRecordSummary {
  return {
    id: r.id, name: r.name, createdAt: r.created_at.toISOString(), patientId: r.patient_id, ageYears: r.age_years, sex: r.sex,
    labels: r.labels, fileNames: r.file_names ?? [], byteCount: Number(r.byte_count), analysisSoftwareVersion: r.software_version,
  };
}

const u8 = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const buf = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
/** A JSON text PostgreSQL's JSONB accepts (it has no \u0000 in strings). */
const jsonb = (v: unknown) => JSON.stringify(v).replace(/\\u0000/g, '');
/** The URL without its password, for messages. */
const redacted = (url: string) => url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');

/**
 * Connects to the PostgreSQL store at `url` (postgres://user@host:port/db) and applies pending
 * migrations.
 *
 * @example
 * const store = await openPostgresStore('postgres://sinus@127.0.0.1:5432/sinus');
 * console.log(await store.count());
 */
export async function openPostgresStore(url: string, options: { maxConnections?: number } = {}): Promise<EcgStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 4 });
  pool.on('error', () => { /* an idle client's connection dropped; the next query reconnects */ });
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw new SinusError('BAD_ARGUMENT', `cannot open the PostgreSQL store at ${redacted(url)}: ${(e as Error).message}`);
  }
  async function inTransaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const out = await work(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }
  const writeAnalysis = (c: pg.PoolClient | pg.Pool, id: string, a: Analysis) =>
    c.query(`INSERT INTO analyses (record_id, software_version, schema_version, created_at, analysis) VALUES ($1, $2, $3, now(), $4::jsonb)
      ON CONFLICT (record_id) DO UPDATE SET software_version = EXCLUDED.software_version, schema_version = EXCLUDED.schema_version,
      created_at = EXCLUDED.created_at, analysis = EXCLUDED.analysis`, [id, a.software?.version ?? 'unknown', a.schemaVersion ?? 'unknown', jsonb(a)]);

  return {
    backend: 'postgres',
    location: redacted(url),
    async putRecord(input) {
      const p = preparedRecord(input);
      try {
        return await inTransaction(async (c) => {
          await c.query('INSERT INTO records (id, name, created_at, patient_id, age_years, sex, labels, byte_count) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)',
            [p.id, p.name, p.createdAt, p.patientId, p.ageYears, p.sex, JSON.stringify(p.labels), p.byteCount]);
          for (const f of p.files) await c.query('INSERT INTO record_files (record_id, name, bytes, sha256) VALUES ($1, $2, $3, $4)', [p.id, f.name, buf(f.bytes), f.sha256]);
          if (input.analysis) await writeAnalysis(c, p.id, input.analysis);
          return p.id;
        });
      } catch (e) {
        if ((e as { code?: string }).code === '23505') throw new SinusError('BAD_ARGUMENT', `record id ${p.id} is already stored`);
        throw e;
      }
    },
    async getRecord(id) {
      const r = await pool.query<RecordRow>(`${SUMMARY_SQL} WHERE r.id = $1`, [checkedRecordId(id)]);
      return r.rows[0] ? summary(r.rows[0]) : null;
    },
    async getFiles(id) {
      const r = await pool.query<{ name: string; bytes: Buffer }>('SELECT name, bytes FROM record_files WHERE record_id = $1 ORDER BY name', [checkedRecordId(id)]);
      return r.rows.length ? Object.fromEntries(r.rows.map((x) => [x.name, u8(x.bytes)])) : null;
    },
    async putAnalysis(id, analysis) {
      const known = await pool.query('SELECT 1 FROM records WHERE id = $1', [checkedRecordId(id)]);
      if (!known.rowCount) return false;
      await writeAnalysis(pool, id, analysis);
      return true;
    },
    async getAnalysis(id) {
      const r = await pool.query<{ record_id: string; software_version: string; schema_version: string; created_at: Date; analysis: Analysis }>(
        'SELECT record_id, software_version, schema_version, created_at, analysis FROM analyses WHERE record_id = $1', [checkedRecordId(id)]);
      const x = r.rows[0];
      return x ? ({ recordId: x.record_id, softwareVersion: x.software_version, schemaVersion: x.schema_version, createdAt: x.created_at.toISOString(), analysis: x.analysis } as StoredAnalysis) : null;
    },
    async listRecords(options: ListRecordsOptions = {}) {
      const limit = Math.max(1, Math.min(10_000, Math.floor(options.limit ?? 100)));
      const where: string[] = [];
      const args: unknown[] = [];
      if (options.afterId) { args.push(checkedRecordId(options.afterId)); where.push(`r.seq > (SELECT seq FROM records WHERE id = $${args.length})`); }
      if (options.patientId) { args.push(options.patientId); where.push(`r.patient_id = $${args.length}`); }
      const r = await pool.query<RecordRow>(`${SUMMARY_SQL} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY r.seq LIMIT ${limit}`, args);
      return r.rows.map(summary);
    },
    async deleteRecord(id) {
      return ((await pool.query('DELETE FROM records WHERE id = $1', [checkedRecordId(id)])).rowCount ?? 0) > 0;
    },
    async putEmbedding(id, kind, vector) {
      const r = await pool.query(`INSERT INTO embeddings (record_id, kind, dim, vector) SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM records WHERE id = $1)
        ON CONFLICT (record_id, kind) DO UPDATE SET dim = EXCLUDED.dim, vector = EXCLUDED.vector`, [checkedRecordId(id), kind, vector.length, buf(vectorBytes(vector))]);
      return (r.rowCount ?? 0) > 0;
    },
    async getEmbedding(id, kind) {
      const r = await pool.query<{ vector: Buffer }>('SELECT vector FROM embeddings WHERE record_id = $1 AND kind = $2', [checkedRecordId(id), kind]);
      return r.rows[0] ? vectorFromBytes(u8(r.rows[0].vector)) : null;
    },
    async embeddings(kind) {
      const r = await pool.query<{ record_id: string; vector: Buffer }>('SELECT e.record_id, e.vector FROM embeddings e JOIN records r ON r.id = e.record_id WHERE e.kind = $1 ORDER BY r.seq', [kind]);
      return r.rows.map((x) => ({ recordId: x.record_id, vector: vectorFromBytes(u8(x.vector)) }));
    },
    async count() {
      return Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM records')).rows[0].n);
    },
    async migrations() {
      return (await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    },
    async close() {
      await pool.end();
    },
  };
}

/** Applies pending migrations in one transaction under an advisory lock (concurrent writers wait). */
async function migrate(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock(7250131)');
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
    const applied = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const known = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));
    if (Math.max(0, ...applied) > known) throw new Error(`the store was written by a newer sinus (schema ${Math.max(...applied)}, this one knows up to ${known})`);
    for (const m of POSTGRES_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, $2, now())', [m.version, m.description]);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
