// Sorting IndexedDB/Dexie failures into the few cases the popup and options explain differently.
import { errorMessage } from '../errors/error-message';

export type DbFailureReason = 'blocked' | 'quota' | 'version' | 'failed';

export interface DbFailure {
  reason: DbFailureReason;
  message: string;
}

/** Names of the error and the errors it wraps (Dexie keeps the IndexedDB error in `inner`). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner ?? cause;
  }
  return names;
}

export function isQuotaError(error: unknown): boolean {
  return errorNames(error).includes('QuotaExceededError');
}

export function classifyDbError(error: unknown): DbFailure {
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return { reason: 'quota', message: errorMessage(error) };
  // VersionError: the stored database is newer than this build (a downgrade); Dexie wraps it in OpenFailedError.
  if (names.includes('VersionError')) return { reason: 'version', message: errorMessage(error) };
  return { reason: 'failed', message: errorMessage(error) };
}
