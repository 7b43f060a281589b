// A throwaway PostgreSQL 15 cluster for tests: initdb + pg_ctl in a temporary folder, on a free
// loopback port, stopped and removed by stop(). Tests that need PostgreSQL call startPgCluster();
// where no PostgreSQL server binaries are installed it returns null with the reason, so a test can
// skip with that reason (CI installs them: .ci/run).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  /** postgres://user@127.0.0.1:port/postgres */
  url: string;
  port: number;
  /** Stops the server and removes its folder. */
  stop(): void;
}

/** Folder of the newest installed PostgreSQL server binaries, or null. */
export function pgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster; null (with `reason`) when PostgreSQL is not installed. As root, initdb refuses to
 * run, so the cluster is owned by the `postgres` system user when running as root.
 */
export async function startPgCluster(): Promise<PgCluster | { reason: string }> {
  const bin = pgBinDir();
  if (!bin) return { reason: 'PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)' };
  const dir = mkdtempSync(join(tmpdir(), 'sinus-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const runAs = (cmd: string, args: string[]) => {
    if (asRoot) {
      const r = spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
      return r.stdout;
    }
    return execFileSync(cmd, args, { encoding: 'utf8' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  runAs(join(bin, 'initdb'), ['-D', data, '-U', 'sinus', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  runAs(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  let stopped = false;
  return {
    url: `postgres://sinus@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try { runAs(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']); } catch { /* already down */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
