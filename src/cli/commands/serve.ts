import type { Command } from 'commander';
import { SinusError } from '../../errors.js';

interface ServeCliOptions {
  port: string;
  host: string;
  maxUploadMb: string;
  maxDurationS: string;
  concurrency: string;
  queue: string;
  log?: boolean;
  store?: string;
}

function positive(v: string, what: string): number {
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) throw new SinusError('BAD_ARGUMENT', `${what} must be a positive number, got "${v}"`);
  return n;
}

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP service (upload -> Analysis, rendered SVG/PNG/PDF, OpenAPI at /openapi.json) and the web viewer at /')
    .option('-p, --port <n>', 'port', '8080')
    .option('--host <addr>', 'address to listen on (0.0.0.0 for all interfaces)', '127.0.0.1')
    .option('--max-upload-mb <n>', 'largest upload in MiB', '64')
    .option('--max-duration-s <n>', 'longest record in seconds', '86400')
    .option('--concurrency <n>', 'analyses at once', '2')
    .option('--queue <n>', 'analyses waiting before the service answers 503', '64')
    .option('--log', 'log each request (JSON lines on stdout)')
    .option('--store <path|url>', 'where uploaded records are kept: a SQLite file or a postgres:// URL (default $SINUS_STORE, else ~/.local/share/sinus/store.sqlite)')
    .addHelpText('after', '\nExample:\n  sinus serve --port 8080\n  curl -F files=@samples/100.hea -F files=@samples/100.dat http://127.0.0.1:8080/v1/analyze')
    .action(async (opts: ServeCliOptions) => {
      const { buildServer } = await import('../../server/app.js');
      const { openStore, defaultStoreLocation } = await import('../../store/openStore.js');
      const store = await openStore(opts.store ?? defaultStoreLocation());
      const app = await buildServer({
        maxUploadBytes: positive(opts.maxUploadMb, '--max-upload-mb') * 1024 * 1024,
        maxRecordDurationS: positive(opts.maxDurationS, '--max-duration-s'),
        concurrency: Math.floor(positive(opts.concurrency, '--concurrency')),
        maxQueued: Math.floor(positive(opts.queue, '--queue')),
        logger: !!opts.log,
        store,
      });
      const address = await app.listen({ port: Math.floor(positive(opts.port, '--port')), host: opts.host });
      process.stderr.write(`sinus: serving on ${address} (viewer at /, API description at /openapi.json)\n`);
      const stop = () => void app.close().then(() => store.close()).then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
