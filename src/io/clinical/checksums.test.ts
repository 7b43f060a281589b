import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc16Ccitt, crc32 } from './checksums.js';

test('CRC check values of the catalogued algorithms ("123456789")', () => {
  const b = new TextEncoder().encode('123456789');
  assert.equal(crc16Ccitt(b), 0x29b1); // CRC-16/CCITT-FALSE
  assert.equal(crc32(b), 0xcbf43926); // CRC-32 (zlib)
});
