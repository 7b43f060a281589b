/**
 * Versioned schema migrations, one list per backend, applied in order inside a transaction and
 * recorded in `schema_migrations`. Append a new entry for a change; never edit an applied one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** SQLite: BLOB bytes, JSON as TEXT. */
export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'records, their files, analyses and embeddings',
    sql: `
      CREATE TABLE records (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        patient_id TEXT,
        age_years REAL,
        sex TEXT,
        labels TEXT NOT NULL DEFAULT '[]',
        byte_count INTEGER NOT NULL
      );
      CREATE INDEX records_patient ON records(patient_id);
      CREATE TABLE record_files (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        bytes BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (record_id, name)
      );
      CREATE TABLE analyses (
        record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
        software_version TEXT NOT NULL,
        schema_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        analysis TEXT NOT NULL
      );
      CREATE TABLE embeddings (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        dim INTEGER NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (record_id, kind)
      );`,
  },
];

/** PostgreSQL 15: BYTEA bytes, JSONB analyses. */
export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'records, their files, analyses and embeddings',
    sql: `
      CREATE TABLE records (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        patient_id TEXT,
        age_years DOUBLE PRECISION,
        sex TEXT,
        labels JSONB NOT NULL DEFAULT '[]',
        byte_count BIGINT NOT NULL
      );
      CREATE INDEX records_patient ON records(patient_id);
      CREATE TABLE record_files (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        bytes BYTEA NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (record_id, name)
      );
      CREATE TABLE analyses (
        record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
        software_version TEXT NOT NULL,
        schema_version TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        analysis JSONB NOT NULL
      );
      CREATE TABLE embeddings (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        dim INTEGER NOT NULL,
        vector BYTEA NOT NULL,
        PRIMARY KEY (record_id, kind)
      );`,
  },
];
