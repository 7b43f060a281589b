import { readFileSync } from 'node:fs';

/**
 * Bytes of this process's command line as the kernel reports it (`/proc/self/cmdline`), or the
 * length of `process.argv` where there is no /proc.
 *
 * @example
 * commandLineBytes(); // 4812 for `sinus analyze` given 80 paths
 */
export function commandLineBytes(): number {
  try {
    return readFileSync('/proc/self/cmdline').length;
  } catch {
    return [...process.execArgv, ...process.argv].reduce((s, a) => s + Buffer.byteLength(a) + 1, 0);
  }
}

/** Stack bytes onnxruntime-node 1.x uses per byte of the command line (measured ~200; doubled). */
const STACK_BYTES_PER_COMMAND_LINE_BYTE = 512;

/**
 * Stack size (MiB) for a worker thread that runs onnxruntime: 4 MiB (Node's default) plus room
 * for onnxruntime's recursion over `/proc/self/cmdline` at session creation, one frame per byte
 * of it (a 20 KB command line, i.e. ~350 record paths, overflowed the default 4 MiB: segfault).
 * The stack is reserved, not committed, so a large value costs address space only.
 *
 * @example
 * workerStackSizeMb(21_000); // 15
 */
export function workerStackSizeMb(cmdlineBytes: number = commandLineBytes()): number {
  return Math.min(2048, 4 + Math.ceil((cmdlineBytes * STACK_BYTES_PER_COMMAND_LINE_BYTE) / 2 ** 20));
}

/**
 * True when this process's command line is long enough that onnxruntime would overflow the main
 * thread's stack (8 MiB on Linux); such runs must load models in a worker sized by {@link workerStackSizeMb}.
 *
 * @example
 * if (commandLineTooLongForMainThread()) pool = new AnalysisPool(1);
 */
export function commandLineTooLongForMainThread(cmdlineBytes: number = commandLineBytes()): boolean {
  return cmdlineBytes * STACK_BYTES_PER_COMMAND_LINE_BYTE > 4 * 2 ** 20;
}
