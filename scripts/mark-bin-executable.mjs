// tsc writes dist/cli/main.js without the execute bit; `npx sinus` (the README's first command)
// runs the package's bin directly, so a fresh build must mark every bin entry executable.
import { chmodSync, readFileSync } from 'node:fs';

const { bin } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
for (const path of Object.values(typeof bin === 'string' ? { bin } : bin ?? {})) chmodSync(new URL(`../${path}`, import.meta.url), 0o755);
