import { useEffect, useState } from 'react';
import { openDatabase, type OpenResult } from '@/lib/db/open';
import type { SentinelDb } from '@/lib/db/schema';

export type DatabaseState = { state: 'opening' } | { state: 'open'; db: SentinelDb } | { state: 'failed'; message: string };

/**
 * The extension pages read history straight from IndexedDB; a failed open is shown, never hidden. `open` lets
 * a page start opening before its first render (the popup, which has no time to lose).
 */
export function useDatabase(open: () => Promise<OpenResult> = openDatabase): DatabaseState {
  const [state, setState] = useState<DatabaseState>({ state: 'opening' });
  useEffect(() => {
    let db: SentinelDb | null = null;
    let cancelled = false;
    // openDatabase reports every failure in its result; it does not reject.
    void open().then((result) => {
      if (cancelled) {
        if (result.ok) result.db.close();
        return;
      }
      if (result.ok) {
        db = result.db;
        setState({ state: 'open', db: result.db });
      } else {
        setState({ state: 'failed', message: `${result.reason}: ${result.message}` });
      }
    });
    return () => {
      cancelled = true;
      db?.close();
    };
  }, [open]);
  return state;
}
