import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseLeads } from './chooseLeads.js';

const lead = (name: string, derived = false) => ({ name, derived, originalName: name, samples: new Float32Array(0), info: { gain: 1, baseline: 0, units: 'mV' } });

test('limb lead first (II/MLII), then V1-like; recorded before derived; one lead given twice', () => {
  assert.deepEqual(chooseLeads({ leads: [lead('MLII'), lead('V5')] }), [0, 1]);
  assert.deepEqual(chooseLeads({ leads: [lead('V5'), lead('MLII')] }), [1, 0]); // MIT-BIH 114
  const twelve = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'].map((n) => lead(n));
  assert.deepEqual(chooseLeads({ leads: twelve }), [1, 6]);
  assert.deepEqual(chooseLeads({ leads: [lead('I'), lead('II', true), lead('V2')] }), [0, 2]);
  assert.deepEqual(chooseLeads({ leads: [lead('ECG')] }), [0, 0]);
});
