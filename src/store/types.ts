/**
 * The record store's contract: records kept losslessly as their original file bytes, each with at
 * most one current analysis (typed JSON with the software and schema versions that produced it) and
 * any number of embeddings (one per kind). Two backends implement it: SQLite (`sqliteStore.ts`,
 * the embedded default) and PostgreSQL (`postgresStore.ts`). Node only.
 */
import type { Analysis } from '../analyze.js';

/** What a caller hands the store: the record's files as read (lossless) and what is known about it. */
export interface StoredRecordInput {
  /** The record's original files by name (e.g. `{ '100.hea': ..., '100.dat': ... }`). */
  files: Record<string, Uint8Array>;
  /** Display name (default: the first file's name without its extension). */
  name?: string;
  patientId?: string | null;
  ageYears?: number | null;
  sex?: 'M' | 'F' | null;
  /** Labels known from elsewhere (e.g. a database's statements), searched like analysed statements. */
  labels?: string[];
  analysis?: Analysis | null;
  /** An id chosen by the caller (a batch runner re-importing); default a random 128-bit id. */
  id?: string;
}

/** A stored record without its bytes. */
export interface StoredRecordSummary {
  id: string;
  name: string;
  createdAt: string;
  patientId: string | null;
  ageYears: number | null;
  sex: 'M' | 'F' | null;
  labels: string[];
  fileNames: string[];
  /** Sum of the stored files' sizes. */
  byteCount: number;
  /** Version of the software that made the current analysis; null when not analysed. */
  analysisSoftwareVersion: string | null;
}

/** A stored analysis and the versions that produced it. */
export interface StoredAnalysis {
  recordId: string;
  softwareVersion: string;
  schemaVersion: string;
  createdAt: string;
  analysis: Analysis;
}

export interface ListRecordsOptions {
  /** At most this many (default 100, at most 10 000). */
  limit?: number;
  /** Records created after this id in listing order (paging cursor: the last id of the previous page). */
  afterId?: string;
  patientId?: string;
}

/** One embedding row. */
export interface StoredEmbedding {
  recordId: string;
  vector: Float32Array;
}

/**
 * The store, whatever the backend. All methods are async (PostgreSQL is remote); every write is one
 * transaction, so a killed writer leaves either all of a record or none of it.
 */
export interface EcgStore {
  readonly backend: 'sqlite' | 'postgres';
  /** Where it lives (file path or URL without password). */
  readonly location: string;
  /** Stores a record (and its analysis when given) in one transaction; returns its id. */
  putRecord(input: StoredRecordInput): Promise<string>;
  getRecord(id: string): Promise<StoredRecordSummary | null>;
  /** The record's original files, byte for byte. */
  getFiles(id: string): Promise<Record<string, Uint8Array> | null>;
  /** Replaces the record's analysis; false when there is no such record. */
  putAnalysis(id: string, analysis: Analysis): Promise<boolean>;
  getAnalysis(id: string): Promise<StoredAnalysis | null>;
  /** Records in insertion order. */
  listRecords(options?: ListRecordsOptions): Promise<StoredRecordSummary[]>;
  /** Deletes a record with its files, analysis and embeddings; false when there was none. */
  deleteRecord(id: string): Promise<boolean>;
  putEmbedding(id: string, kind: string, vector: Float32Array): Promise<boolean>;
  getEmbedding(id: string, kind: string): Promise<Float32Array | null>;
  /** Every embedding of one kind (to build a search index). */
  embeddings(kind: string): Promise<StoredEmbedding[]>;
  count(): Promise<number>;
  /** Applied schema migrations, newest last. */
  migrations(): Promise<number[]>;
  close(): Promise<void>;
}
