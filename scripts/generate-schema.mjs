/**
 * Writes schema/analysis.schema.json from the TypeScript type `Analysis` (src/analyze.ts): the
 * types are the one source of truth, the schema is generated (npm run schema). With --check, exits
 * 1 when the checked-in schema differs from a fresh generation.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArrayType, createFormatter, createParser, createProgram, NullType, NumberType, SchemaGenerator, ts, UnionType } from 'ts-json-schema-generator';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'schema', 'analysis.schema.json');

const INTEGER_ARRAYS = new Set(['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array']);
const FLOAT_ARRAYS = new Set(['Float32Array', 'Float64Array']);

/** Typed arrays as toJsonValue writes them (src/analyze/jsonOf.ts JsonOf): integers as numbers, floats as numbers or null. */
class TypedArrayParser {
  supportsNode(node) {
    return ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && (INTEGER_ARRAYS.has(node.typeName.text) || FLOAT_ARRAYS.has(node.typeName.text));
  }
  createType(node) {
    return INTEGER_ARRAYS.has(node.typeName.text) ? new ArrayType(new NumberType()) : new ArrayType(new UnionType([new NumberType(), new NullType()]));
  }
}

/** Definitions named by the generator's internal ids (recursive aliases) get stable names, so the file does not depend on the checkout. */
function stableNames(schema) {
  const defs = schema.definitions ?? {};
  const renames = Object.keys(defs).filter((k) => !/^[A-Za-z][A-Za-z0-9]*$/.test(k)).map((k, i) => [k, `Json${i === 0 ? '' : i}Value`]);
  let text = JSON.stringify(schema);
  for (const [from, to] of renames) text = text.split(JSON.stringify(`#/definitions/${from}`)).join(JSON.stringify(`#/definitions/${to}`)).split(JSON.stringify(from) + ':').join(JSON.stringify(to) + ':');
  return JSON.parse(text);
}

/**
 * The Analysis JSON Schema as text. It is generated from `AnalysisDocument` (src/analyze.ts): the
 * Analysis with each section as its stage's own type, typed arrays written as JSON arrays, which
 * is what `JsonOf` says of `Analysis.results` in TypeScript.
 */
export function analysisSchemaText() {
  const config = {
    path: join(root, 'src', 'analyze.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: 'AnalysisDocument',
    expose: 'none',
    topRef: false,
    jsDoc: 'extended',
    skipTypeCheck: true,
    additionalProperties: false,
  };
  const program = createProgram(config);
  const parser = createParser(program, config, (chain) => chain.nodeParsers.unshift(new TypedArrayParser()));
  const schema = stableNames(new SchemaGenerator(program, parser, createFormatter(config), config).createSchema(config.type));
  const out = {
    $schema: schema.$schema,
    $id: 'https://github.com/sinus-ecg/sinus/schema/analysis.schema.json',
    title: 'sinus Analysis',
    description: '',
    ...schema,
  };
  out.description = 'The result of analyze(record), generated from the TypeScript types (src/analyze.ts Analysis) by npm run schema; do not edit by hand. Positions are integer sample indices from the record start; amplitudes are mV; units are in field names. Unknown values are null with the reason beside them.';
  return JSON.stringify(out, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = analysisSchemaText();
  if (process.argv.includes('--check')) {
    if (readFileSync(out, 'utf8') !== text) {
      console.error('schema/analysis.schema.json is not what the types give: run npm run schema');
      process.exit(1);
    }
  } else writeFileSync(out, text);
}
