// Opening the database without throwing: the background and the pages show why history is unavailable
// instead of failing silently, and nothing here ever deletes a database to "recover".
import type { DexieOptions } from 'dexie';
import { classifyDbError, type DbFailureReason } from './errors';
import { DEFAULT_DB_NAME, SentinelDb } from './schema';
import { CURRENT_SCHEMA_VERSION } from './versions';

export type OpenResult =
  | { ok: true; db: SentinelDb }
  | { ok: false; reason: DbFailureReason; message: string };

export interface OpenOptions {
  /**
   * How long to wait once the open is blocked (an older connection, e.g. a stale extension page, does not
   * close during an upgrade). Dexie would wait forever; the worker must not.
   */
  blockedTimeoutMs?: number;
  dexie?: DexieOptions;
}

export async function openDatabase(name: string = DEFAULT_DB_NAME, options: OpenOptions = {}): Promise<OpenResult> {
  const db = new SentinelDb(name, options.dexie);
  const blockedTimeoutMs = options.blockedTimeoutMs ?? 5_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<'blocked'>((resolve) => {
    db.on('blocked', () => {
      timer ??= setTimeout(() => resolve('blocked'), blockedTimeoutMs);
    });
  });
  try {
    const outcome = await Promise.race([db.open().then(() => 'open' as const), blocked]);
    if (outcome === 'blocked') {
      db.close();
      return {
        ok: false,
        reason: 'blocked',
        message: `Opening ${name} is blocked by another open connection (close other extension pages and retry).`,
      };
    }
    // Dexie 4 opens a database of a newer schema (a downgraded extension) instead of failing. This build
    // would then write records of an older shape among newer ones: refuse, and leave the data as it is.
    // (Dexie stores version × 10 in IndexedDB.)
    const stored = db.backendDB().version / 10;
    if (stored > CURRENT_SCHEMA_VERSION) {
      db.close();
      return {
        ok: false,
        reason: 'version',
        message: `the stored history has schema version ${stored}, newer than this build's ${CURRENT_SCHEMA_VERSION}: update the extension (nothing was changed)`,
      };
    }
    return { ok: true, db };
  } catch (error) {
    db.close();
    return { ok: false, ...classifyDbError(error) };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
