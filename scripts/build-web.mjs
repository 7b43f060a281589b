// Bundles the web viewer (src/web) with the browser-safe core into dist/web/ (npm run build).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'web');
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: { app: join(root, 'src', 'web', 'main.ts'), 'analysis-worker': join(root, 'src', 'web', 'analysisWorker.ts') },
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  sourcemap: true,
  metafile: true,
  // The viewer classifies beats with the pure-TypeScript feature baseline; the ONNX runtimes are
  // loaded only by the CNN path (dynamic import), so they stay out of the bundle.
  external: ['onnxruntime-web', 'onnxruntime-node'],
  logLevel: 'warning',
});
copyFileSync(join(root, 'src', 'web', 'index.html'), join(out, 'index.html'));
const bytes = Object.values(result.metafile.outputs).reduce((s, o) => s + (o.bytes ?? 0), 0);
console.log(`web viewer: dist/web (${(bytes / 1024).toFixed(0)} KiB incl. source map)`);
