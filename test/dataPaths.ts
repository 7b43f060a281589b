import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The shared real databases, beside the checkout (never copied into the repo). */
export const DATA = join(ROOT, '..', 'shared', 'data');
export const MITDB = join(DATA, 'mitdb');
export const LUDB = join(DATA, 'ludb', 'data');
export const PTBXL = join(DATA, 'ptb-xl');
export const NSTDB = join(DATA, 'nstdb-noise');
export const CINC2017 = join(DATA, 'cinc2017');
export const FORMATS = join(DATA, 'formats');
export const SAMPLES = join(ROOT, 'samples');
