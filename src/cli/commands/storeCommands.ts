/**
 * The store commands: `sinus index <folder|store>`, `sinus similar <file>`, `sinus search "<text>"`
 * and `sinus reanalyze`. Each takes `--store <path|url>` (default $SINUS_STORE, else
 * ~/.local/share/sinus/store.sqlite).
 */
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { SinusError } from '../../errors.js';
import { findRecords } from '../findRecords.js';

const STORE_HELP = 'a SQLite file or a postgres:// URL (default $SINUS_STORE, else ~/.local/share/sinus/store.sqlite)';

async function withStore<T>(location: string | undefined, work: (s: import('../../store/types.js').EcgStore) => Promise<T>): Promise<T> {
  const { openStore, defaultStoreLocation } = await import('../../store/openStore.js');
  const store = await openStore(location ?? defaultStoreLocation());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** "60-80", "60-" or "-80" to an age range. */
function ageRange(text: string): { minAgeYears?: number; maxAgeYears?: number } {
  const m = /^(\d+(?:\.\d+)?)?-(\d+(?:\.\d+)?)?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) throw new SinusError('BAD_ARGUMENT', `--age takes a range like 60-80, 60- or -80, got "${text}"`);
  return { minAgeYears: m[1] === undefined ? undefined : Number(m[1]), maxAgeYears: m[2] === undefined ? undefined : Number(m[2]) };
}

export function storeCommands(program: Command): void {
  program
    .command('index')
    .description('analyse every record in a folder into the store (with embeddings), or embed a store\'s analysed records')
    .argument('[folder]', 'folder of records to add; omitted: (re)embed the store\'s records')
    .option('--store <path|url>', STORE_HELP)
    .option('--patient <id>', 'patient id for every record added')
    .action(async (folder: string | undefined, opts: { store?: string; patient?: string }) => {
      const kind = folder === undefined ? 'none' : await stat(folder).then((s) => (s.isDirectory() ? 'folder' : 'file'), () => 'missing');
      // A missing path is an error, not a new store: a mistyped folder must not create a SQLite file.
      if (kind === 'missing' && !/^postgres(ql)?:\/\//i.test(folder!)) throw new SinusError('FILE_NOT_FOUND', 'no such folder or store', folder);
      const isFolder = kind === 'folder';
      // `sinus index <store>`: the argument names a store instead of a folder.
      const location = isFolder ? opts.store : (folder ?? opts.store);
      await withStore(location, async (store) => {
        if (isFolder) {
          const { importRecord } = await import('../../store/importRecord.js');
          let added = 0;
          for (const { path, error } of await findRecords([folder!])) {
            try {
              if (error) throw error;
              const id = await importRecord(store, path, { patientId: opts.patient ?? null });
              process.stdout.write(`${id}  ${path}\n`);
              added++;
            } catch (e) {
              process.stderr.write(`sinus: ${path}: ${(e as Error).message}\n`);
            }
          }
          process.stderr.write(`sinus: added ${added} record(s) to ${store.location}\n`);
        }
        const { embedStoredRecords } = await import('../../similar/similarInStore.js');
        const r = await embedStoredRecords(store);
        process.stderr.write(`sinus: ${r.embedded} embedding(s) written, ${r.notAnalysed} record(s) without analysis (run sinus reanalyze)\n`);
      });
    });

  program
    .command('similar')
    .description('the stored records most like a record (features-v1 embedding, nearest first)')
    .argument('<file>', 'record file')
    .option('-k <n>', 'how many', '10')
    .option('--store <path|url>', STORE_HELP)
    .option('--patient <id>', 'only this patient\'s records')
    .option('--statement <code>', 'only records with this statement (e.g. LBBB, atrial_fibrillation)')
    .option('--age <range>', 'only patients in this age range, e.g. 60-80')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { k: string; store?: string; patient?: string; statement?: string; age?: string; json?: boolean }) => {
      const k = Number(opts.k);
      if (!(Number.isInteger(k) && k >= 1 && k <= 1000)) throw new SinusError('BAD_ARGUMENT', `-k must be an integer from 1 to 1000, got "${opts.k}"`);
      const filters = { patientId: opts.patient, statement: opts.statement, ...(opts.age ? ageRange(opts.age) : {}) };
      const { openRecord } = await import('../../io/openRecord.js');
      const { analyze } = await import('../../analyze.js');
      const { shippedModelStageOptions } = await import('../../analyze/shippedModels.node.js');
      const analysis = await analyze(await openRecord(file), { stageOptions: await shippedModelStageOptions() });
      const { similarRecords } = await import('../../similar/similarInStore.js');
      const hits = await withStore(opts.store, (store) => similarRecords(store, analysis, { k, filters }));
      if (opts.json) return void process.stdout.write(JSON.stringify(hits, null, 2) + '\n');
      if (!hits.length) process.stderr.write('sinus: no stored record with an embedding matches (sinus index <folder> adds some)\n');
      for (const h of hits) process.stdout.write(`${h.distance.toFixed(2).padStart(7)}  ${h.id}  ${h.record.name}  ${h.statements.join(', ')}\n`);
    });

  program
    .command('search')
    .description('text search over the store, e.g. "LBBB with QTc over 500" (statements and measurement filters)')
    .argument('<text>', 'the search')
    .option('--store <path|url>', STORE_HELP)
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .action(async (text: string, opts: { store?: string; limit: string; json?: boolean }) => {
      const { searchStore } = await import('../../similar/searchStore.js');
      const r = await withStore(opts.store, (store) => searchStore(store, text, Math.max(1, Number(opts.limit) || 50)));
      if (opts.json) return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      if (r.query.unparsed.length) process.stderr.write(`sinus: not understood, ignored: ${r.query.unparsed.join(' ')}\n`);
      for (const h of r.hits) process.stdout.write(`${h.certainty.toFixed(2)}  ${h.record.id}  ${h.record.name}  ${h.matched.join(', ')}\n`);
    });

  program
    .command('reanalyze')
    .description('re-analyse stored records made by another sinus version (all with --all), from their stored bytes')
    .option('--store <path|url>', STORE_HELP)
    .option('--all', 're-analyse every record')
    .action(async (opts: { store?: string; all?: boolean }) => {
      const { reanalyzeStore } = await import('../../store/reanalyzeStore.js');
      const r = await withStore(opts.store, (store) => reanalyzeStore(store, { all: !!opts.all, onRecord: (_id, n) => n % 50 === 0 && process.stderr.write(`${n}\n`) }));
      for (const f of r.failed) process.stderr.write(`sinus: ${f.id}: ${f.reason}\n`);
      process.stderr.write(`sinus: ${r.analysed} re-analysed, ${r.upToDate} already current, ${r.failed.length} failed\n`);
      if (r.failed.length) process.exitCode = 1;
    });
}
