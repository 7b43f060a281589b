// A child process for the kill-mid-write test: writes records into the store named by argv[2]
// without pause (3 files each, contents that storeWriterFile() regenerates), printing "wrote <n>"
// after each commit, until it is killed.
import { openStore } from '../../src/store/openStore.js';

/** File `i` of writer record `n`: (64 KiB << i) bytes of a pattern the reader can check. */
export function storeWriterFile(n: number, i: number): Uint8Array {
  const b = new Uint8Array(65536 << i);
  for (let j = 0; j < b.length; j++) b[j] = (n * 31 + i * 7 + j) & 255;
  return b;
}

if (process.argv[1]?.endsWith('storeWriter.ts')) {
  const store = await openStore(process.argv[2]);
  for (let n = 0; ; n++) {
    await store.putRecord({ name: `w${n}`, files: { 'f0.bin': storeWriterFile(n, 0), 'f1.bin': storeWriterFile(n, 1), 'f2.bin': storeWriterFile(n, 2) } });
    process.stdout.write(`wrote ${n}\n`);
  }
}
