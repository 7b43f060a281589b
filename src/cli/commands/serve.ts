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
  apiKey: string[];
  corsOrigin: string[];
  rateLimit: string;
}

const collect = (v: string, all: string[]) => [...all, v];

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
    .option('--log', 'log each request as a JSON line on stdout (route, status, time, client; no file names or patient data)')
    .option('--api-key <key>', 'accept this API key (Authorization: Bearer <key> or X-API-Key); repeatable; also SINUS_API_KEYS=k1,k2. Without keys the service may listen on loopback only', collect, [])
    .option('--cors-origin <origin>', 'let browsers on this origin call the API (repeatable); default none', collect, [])
    .option('--rate-limit <n>', 'requests per minute per client (API key, else address); 0 for none', '600')
    .option('--store <path|url>', 'where uploaded records are kept: a SQLite file or a postgres:// URL (default $SINUS_STORE, else ~/.local/share/sinus/store.sqlite)')
    .addHelpText('after', '\nExample:\n  sinus serve --port 8080\n  curl -F files=@samples/100.hea -F files=@samples/100.dat http://127.0.0.1:8080/v1/analyze')
    .action(async (opts: ServeCliOptions) => {
      const { buildServer } = await import('../../server/app.js');
      const { isLoopback } = await import('../../server/securityOptions.js');
      const { jsonLinesToStdout } = await import('../../server/requestLog.js');
      const apiKeys = [...opts.apiKey, ...(process.env.SINUS_API_KEYS ?? '').split(',')].map((k) => k.trim()).filter(Boolean);
      if (apiKeys.length === 0 && !isLoopback(opts.host)) {
        throw new SinusError('BAD_ARGUMENT', `refusing to serve on ${opts.host} without API keys: give --api-key (or SINUS_API_KEYS), or listen on 127.0.0.1`);
      }
      const rateLimitPerMinute = Number(opts.rateLimit);
      if (!(rateLimitPerMinute >= 0)) throw new SinusError('BAD_ARGUMENT', `--rate-limit must be 0 or more, got "${opts.rateLimit}"`);
      const { openStore, defaultStoreLocation } = await import('../../store/openStore.js');
      const store = await openStore(opts.store ?? defaultStoreLocation());
      const app = await buildServer({
        security: { apiKeys, corsOrigins: opts.corsOrigin, rateLimitPerMinute, requestLog: opts.log ? jsonLinesToStdout : undefined },
        maxUploadBytes: positive(opts.maxUploadMb, '--max-upload-mb') * 1024 * 1024,
        maxRecordDurationS: positive(opts.maxDurationS, '--max-duration-s'),
        concurrency: Math.floor(positive(opts.concurrency, '--concurrency')),
        maxQueued: Math.floor(positive(opts.queue, '--queue')),
        store,
      });
      const address = await app.listen({ port: Math.floor(positive(opts.port, '--port')), host: opts.host });
      process.stderr.write(`sinus: serving on ${address} (viewer at /, API description at /openapi.json)\n`);
      const stop = () => void app.close().then(() => store.close()).then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
