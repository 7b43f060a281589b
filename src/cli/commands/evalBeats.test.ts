import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Command } from 'commander';
import { evalBeatsCommand } from './evalBeats.js';
import { MITDB } from '../../../test/dataPaths.js';

async function run(args: string[]): Promise<string> {
  let out = '';
  const program = new Command().exitOverride();
  evalBeatsCommand(program, (text) => { out += text; });
  await program.parseAsync(['node', 'sinus', ...args]);
  return out;
}

test('sinus eval beats: the reference against itself is perfect; JSON has per-record and gross figures', async () => {
  const rec = join(MITDB, '100.hea');
  const json = JSON.parse(await run(['eval', 'beats', rec, '--test', 'atr', '--json']));
  assert.equal(json.matchWindowS, 0.15);
  assert.equal(json.records[0].record, '100');
  assert.equal(json.summary.grossSensitivityPct, 100);
  assert.equal(json.summary.grossPositivePredictivityPct, 100);
  // From 5 min on (EC57 default) there are fewer beats than in the whole record.
  const whole = JSON.parse(await run(['eval', 'beats', `${rec}:atr`, '--test', 'atr', '--whole-record', '--json']));
  assert.equal(whole.records[0].matched, 2273);
  assert.ok(json.records[0].matched < 2273);
  const table = await run(['eval', 'beats', rec, '--test', 'atr']);
  assert.match(table, /^record\s+TP\s+FN\s+FP\s+Se\s+\+P/);
  assert.match(table, /gross\s+\d+\s+0\s+0\s+100\.00\s+100\.00/);
});
