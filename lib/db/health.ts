// The storage health record the popup and options read: the last storage error and when it happened.
// A failed open cannot be recorded here (the database is what failed); the caller keeps that one
// (for example in storage.session) and shows it the same way.
import { classifyDbError, type DbFailureReason } from './errors';
import type { SentinelDb } from './schema';

const HEALTH_KEY = 'health';

export interface DbHealth {
  lastError: { at: number; operation: string; reason: DbFailureReason; message: string } | null;
  /** Last time a write succeeded after that error (cleared errors stay visible until then). */
  lastOkAt: number | null;
}

const EMPTY_HEALTH: DbHealth = { lastError: null, lastOkAt: null };

export async function readHealth(db: SentinelDb): Promise<DbHealth> {
  const record = await db.meta.get(HEALTH_KEY);
  return (record?.value as DbHealth | undefined) ?? EMPTY_HEALTH;
}

/**
 * Records a storage error. Never throws: when the disk is full this write may fail too, and the caller
 * still reports the error it already has.
 */
export async function recordDbError(db: SentinelDb, operation: string, error: unknown, now: number): Promise<boolean> {
  try {
    const { reason, message } = classifyDbError(error);
    const previous = await readHealth(db);
    const value: DbHealth = { ...previous, lastError: { at: now, operation, reason, message } };
    await db.meta.put({ key: HEALTH_KEY, value });
    return true;
  } catch {
    return false;
  }
}

/** Notes a successful write, only when an error is on record (so the common path costs no write). */
export async function recordDbOk(db: SentinelDb, now: number): Promise<void> {
  try {
    const previous = await readHealth(db);
    if (previous.lastError === null || (previous.lastOkAt ?? 0) > previous.lastError.at) return;
    await db.meta.put({ key: HEALTH_KEY, value: { ...previous, lastOkAt: now } satisfies DbHealth });
  } catch {
    // Health is advisory; a failed note must not fail the write that succeeded.
  }
}
