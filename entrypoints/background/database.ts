import type { SentinelDb } from '@/lib/db/schema';
import { openDatabase } from '@/lib/db/open';
import { dbOpenFailureItem } from '@/lib/messages/session-state';

let opening: Promise<SentinelDb> | null = null;

/**
 * The worker's one connection, opened on first use after every start. A failed open is reported in
 * storage.session (the popup and options show it) and retried on the next event: nothing is deleted.
 */
export function database(): Promise<SentinelDb> {
  opening ??= openDatabase().then(async (result) => {
    if (result.ok) {
      await dbOpenFailureItem.removeValue();
      return result.db;
    }
    opening = null;
    await dbOpenFailureItem.setValue({ reason: result.reason, message: result.message, at: Date.now() });
    throw new Error(`history unavailable (${result.reason}): ${result.message}`);
  });
  return opening;
}
