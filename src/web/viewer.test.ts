import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../server/app.js';
import { LUDB, ROOT, SAMPLES } from '../../test/dataPaths.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(ROOT, 'test-output');
/**
 * The viewer tests drive Debian's Chromium. On a machine without it (a fresh clone that followed the
 * README) they are skipped with this message; CI (.ci/run installs Chromium, CI=true) runs them and
 * fails when it is missing.
 */
const SKIP = existsSync(CHROMIUM) || process.env.CI ? false : `Debian's Chromium is not at ${CHROMIUM}: the viewer tests are skipped (apt-get install chromium to run them; .ci/run does)`;
if (SKIP) console.log(`# ${SKIP}`);

let app: FastifyInstance;
let base = '';
let context: BrowserContext;
let page: Page;
let profile = '';

before(async () => {
  if (SKIP) return;
  if (!existsSync(CHROMIUM)) {
    throw new Error(`viewer tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium); it is not installed`);
  }
  // Bundle the viewer exactly as `npm run build` does, into a scratch folder served by the real service.
  const web = mkdtempSync(join(tmpdir(), 'sinus-web-'));
  await build({ entryPoints: { app: join(ROOT, 'src', 'web', 'main.ts'), 'analysis-worker': join(ROOT, 'src', 'web', 'analysisWorker.ts') }, outdir: web, bundle: true, format: 'esm', platform: 'browser', target: ['es2022'], logLevel: 'error', external: ['onnxruntime-web', 'onnxruntime-node'] });
  const { copyFileSync } = await import('node:fs');
  copyFileSync(join(ROOT, 'src', 'web', 'index.html'), join(web, 'index.html'));
  app = await buildServer({ webRoot: web });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  profile = mkdtempSync(join(tmpdir(), 'sinus-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1400, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(OUT, { recursive: true });
});

after(async () => {
  await context?.close();
  await app?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openFiles(files: string[]) {
  await page.evaluate(() => (document.body.dataset.state = 'loading'));
  await page.setInputFiles('#file', files);
  await page.waitForFunction(() => document.body.dataset.state === 'ready' && /stages gave results/.test(document.getElementById('status')!.textContent ?? ''), null, { timeout: 15000 });
}

test('a 12-lead record on the paper grid with its 12 lead labels; zoom; screenshot', { skip: SKIP }, async () => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/');
  await openFiles(['1.hea', '1.dat', '1.ii'].map((f) => join(LUDB, f)));
  assert.ok((await page.locator('#paper svg path.grid-minor').count()) === 1, 'minor grid drawn');
  assert.ok((await page.locator('#paper svg path.grid-major').count()) === 1, 'major grid drawn');
  const labels = await page.locator('#paper svg text.lead-label').allTextContents();
  for (const lead of ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']) assert.ok(labels.includes(lead), `label ${lead}`);
  assert.equal(await page.locator('#paper svg path.trace').count(), 13);
  assert.equal(await page.evaluate(() => (window as unknown as { sinusViewer: { analysedIn: string } }).sinusViewer.analysedIn), 'worker', 'analysed off the main thread');
  const width = async () => parseFloat((await page.locator('#paper svg').getAttribute('width'))!);
  const w0 = await width();
  await page.click('#zoomIn');
  const w1 = await width();
  assert.ok(Math.abs(w1 / w0 - 1.25) < 0.01, `zoom in scales the paper (${w0} -> ${w1})`);
  await page.click('#zoomOut');
  assert.ok(Math.abs((await width()) - w0) < 0.5);
  await page.check('#showWaves');
  await page.waitForFunction(() => document.querySelectorAll('#paper svg .wave-onset').length > 0);
  assert.match(await page.locator('#measurements').innerText(), /Heart rate/);
  assert.match(await page.locator('#stages').innerText(), /beats/);
  await page.screenshot({ path: join(OUT, 'viewer-12lead.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(download.suggestedFilename(), '1-0s.svg');
  const saved = join(OUT, 'viewer-download.svg');
  await download.saveAs(saved);
  assert.match(readFileSync(saved, 'utf8'), /^<svg [^>]*width="297mm"/);
  assert.deepEqual(errors, []);
});

test('a long 2-lead record scrolls and zooms as continuous strips', { skip: SKIP }, async () => {
  await openFiles(['100.hea', '100.dat', '100.atr'].map((f) => join(SAMPLES, f)));
  assert.equal(await page.locator('#view').inputValue(), 'strip');
  const spacerW = await page.evaluate(() => document.getElementById('spacer')!.getBoundingClientRect().width);
  assert.ok(spacerW > 60 * 25 * 3, 'the scroll area spans the whole record');
  await page.evaluate(() => { const p = document.getElementById('paper')!; p.scrollLeft = p.scrollWidth / 2; });
  await page.waitForFunction(() => /^(2\d|3\d)\.\d–/.test(document.getElementById('timebar')!.textContent ?? ''));
  const left = await page.evaluate(() => parseFloat((document.querySelector('#paper svg') as SVGSVGElement).style.left));
  assert.ok(left > 0, 'the drawn window moved with the scroll');
  const svgLeft = await page.evaluate(() => (document.querySelector('#paper svg') as SVGSVGElement).getBoundingClientRect().left);
  const paneLeft = await page.evaluate(() => document.getElementById('paper')!.getBoundingClientRect().left);
  assert.ok(svgLeft <= paneLeft, 'the visible part is covered by the drawn window');
  assert.equal(await page.locator('#paper svg path.trace').count(), 2);
  assert.ok((await page.locator('#paper svg text.time-label').count()) > 3, 'time labels along the strip');
  assert.ok((await page.locator('#paper svg .beat-mark').count()) > 10, 'reference beats marked');
  const before = await page.evaluate(() => document.getElementById('timebar')!.textContent);
  await page.click('#zoomIn');
  await page.click('#zoomIn');
  const afterZoom = await page.evaluate(() => document.getElementById('timebar')!.textContent);
  assert.notEqual(afterZoom, before);
  await page.screenshot({ path: join(OUT, 'viewer-strips.png') });
});

test('"analyse on server" sends the files to the service and shows its Analysis', { skip: SKIP }, async () => {
  await page.check('#useServer');
  await openFiles(['1.hea', '1.dat'].map((f) => join(SAMPLES, f)));
  assert.equal(await page.evaluate(() => (window as unknown as { sinusViewer: { analysedIn: string } }).sinusViewer.analysedIn), 'server');
  assert.match(await page.locator('#measurements').innerText(), /Heart rate/);
  await page.uncheck('#useServer');
});

test('a bad file gets a readable message, not a broken page', { skip: SKIP }, async () => {
  await page.setInputFiles('#file', [join(SAMPLES, '100.dat')]);
  await page.waitForFunction(() => document.getElementById('status')!.classList.contains('error'));
  assert.match(await page.locator('#status').innerText(), /100\.hea/);
});
