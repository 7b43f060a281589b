/** The package version, kept equal to package.json's `version` (a test checks it). */
export const SINUS_VERSION = '0.1.0';

/** Version of the Analysis JSON layout (`schema/analysis.schema.json`); bump on any breaking change. */
export const ANALYSIS_SCHEMA_VERSION = '2.0.0';
