/**
 * sinus-ecg: the browser-safe public API. Node-only helpers (file system, native ONNX) are in
 * `sinus-ecg/node`.
 */
export * from './errors.js';
export * from './record/types.js';
export * from './record/leadNames.js';
export * from './record/deriveLeads.js';
export * from './record/sliceRecord.js';
export * from './io/index.js';
export * from './dsp/index.js';
export * from './beats/index.js';
export * from './waves/index.js';
export * from './measure/index.js';
export * from './quality/index.js';
export * from './classify/index.js';
export * from './render/index.js';
export * from './eval/index.js';
export * from './analyze.js';
export { SINUS_VERSION, ANALYSIS_SCHEMA_VERSION } from './version.js';
export { featureVector, FEATURE_EMBEDDING_KIND, FEATURE_VECTOR_LENGTH, EMBEDDING_LEADS, STATEMENT_SLOTS } from './similar/featureVector.js';
export { exactNeighbours, TopK, distance2 } from './similar/exactNeighbours.js';
export type { Neighbour } from './similar/exactNeighbours.js';
export { buildIvfIndex, searchIvfIndex } from './similar/ivfIndex.js';
export type { IvfIndex, IvfOptions } from './similar/ivfIndex.js';
export { parseStoreQuery } from './similar/parseStoreQuery.js';
export type { StoreQuery, MeasurementFilter } from './similar/parseStoreQuery.js';
export { recordStatements } from './similar/recordStatements.js';
export { precisionAtK, averagePrecision, ndcgAtK, jaccard } from './similar/retrievalScores.js';
