/**
 * Opens the store a location names: a `postgres://` or `postgresql://` URL selects PostgreSQL,
 * anything else is a SQLite file path. The default location is `$SINUS_STORE`, else
 * `$XDG_DATA_HOME/sinus/store.sqlite` (`~/.local/share/sinus/store.sqlite`). Node only.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPostgresStore } from './postgresStore.js';
import { openSqliteStore } from './sqliteStore.js';
import type { EcgStore } from './types.js';

/**
 * Where the store lives when no `--store` is given: `$SINUS_STORE`, else the user's data folder.
 *
 * @example defaultStoreLocation({ SINUS_STORE: '/data/ecg.sqlite' }) // '/data/ecg.sqlite'
 */
export function defaultStoreLocation(env: Record<string, string | undefined> = process.env): string {
  if (env.SINUS_STORE) return env.SINUS_STORE;
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'sinus', 'store.sqlite');
}

/** True for a PostgreSQL connection URL. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the store at `location` (default {@link defaultStoreLocation}), creating a SQLite file and
 * its folder on first use.
 *
 * @example
 * const store = await openStore('postgres://sinus@db.example:5432/ecg');
 * const recent = await store.listRecords({ limit: 10 });
 */
export async function openStore(location: string = defaultStoreLocation()): Promise<EcgStore> {
  if (isPostgresUrl(location)) return openPostgresStore(location);
  return openSqliteStore(location === ':memory:' ? location : resolve(location));
}
