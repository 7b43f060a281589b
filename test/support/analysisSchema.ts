/**
 * The Analysis JSON Schema (schema/analysis.schema.json, generated from the types by `npm run
 * schema`) compiled once with ajv, for tests that check every Analysis they produce.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { ROOT } from '../dataPaths.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'analysis.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, formats: { 'date-time': (s: string) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)) } });
const validate = ajv.compile(schema);

/**
 * Why `value` (an Analysis as JSON, i.e. after JSON.stringify/parse) does not fit the schema: the
 * first few errors as text; empty when it fits.
 *
 * @example assert.deepEqual(analysisSchemaErrors(JSON.parse(JSON.stringify(a))), []);
 */
export function analysisSchemaErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
