// postinstall: npm 11 may skip dependencies' install scripts, which leaves better-sqlite3 (the embedded
// record store) without its native module. Build it when it does not load; never fail the install.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
function loads() {
  try {
    const Db = require('better-sqlite3');
    new Db(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

if (!loads()) {
  process.stderr.write('sinus: building better-sqlite3 (its install script did not run)\n');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
  if (r.status !== 0 || !loads()) process.stderr.write('sinus: warning: better-sqlite3 could not be built; the embedded record store will not work (run `npm rebuild better-sqlite3`)\n');
}
