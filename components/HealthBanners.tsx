import { logFailure } from '@/lib/errors/error-message';
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { readHealth } from '@/lib/db/health';
import type { SentinelDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/messages';
import type { PageHealth } from '@/lib/messages/protocol';
import { dbOpenFailureItem, pageHealthItem, type DbOpenFailure, type StoredPageHealth } from '@/lib/messages/session-state';
import { formatShanghai, type Lang } from '@/lib/time/shanghai';

interface Props {
  lang: Lang;
  db: SentinelDb | null;
  openFailure: string | null;
}

/** Says plainly when badges are paused on a console tab, rows of the console could not be read, or history cannot be stored. */
export function HealthBanners({ lang, db, openFailure }: Props) {
  const [pausedTabs, setPausedTabs] = useState<Array<PageHealth['state']>>([]);
  const [skippedRows, setSkippedRows] = useState(0);
  const [workerFailure, setWorkerFailure] = useState<string | null>(null);
  useEffect(() => {
    const showTabs = (byTab: Record<string, StoredPageHealth>) => {
      const tabs = Object.values(byTab);
      setPausedTabs(tabs.map((entry) => entry.health.state).filter((state) => state !== 'ok'));
      setSkippedRows(tabs.reduce((sum, entry) => sum + entry.health.skippedRows, 0));
    };
    const showFailure = (failure: DbOpenFailure | null) => setWorkerFailure(failure === null ? null : `${failure.reason}: ${failure.message}`);
    pageHealthItem.getValue().then(showTabs).catch(logFailure('reading the console tabs\' health'));
    dbOpenFailureItem.getValue().then(showFailure).catch(logFailure('reading the worker\'s database state'));
    const unwatchTabs = pageHealthItem.watch(showTabs);
    const unwatchFailure = dbOpenFailureItem.watch(showFailure);
    return () => {
      unwatchTabs();
      unwatchFailure();
    };
  }, []);
  const health = useLiveQuery(async () => (db === null ? undefined : readHealth(db)), [db]);
  const storageError = health?.lastError != null && (health.lastOkAt ?? 0) < health.lastError.at ? health.lastError : null;
  const failure = openFailure ?? workerFailure;

  return (
    <>
      {pausedTabs.map((state, index) => (
        <p key={index} className="banner" data-testid="paused-banner">
          {t(state === 'unmatched' ? 'structureChanged' : 'noCapture', lang)}
        </p>
      ))}
      {skippedRows > 0 && (
        <p className="banner calm" data-testid="skipped-rows-banner">
          {t('rowsSkipped', lang, { count: skippedRows })}
        </p>
      )}
      {failure !== null && (
        <p className="banner error" data-testid="history-failure">
          {t('historyUnavailable', lang, { reason: failure })}
        </p>
      )}
      {storageError !== null && (
        <p className="banner error" data-testid="storage-error">
          {t('storageError', lang, { at: formatShanghai(storageError.at), message: storageError.message })}
        </p>
      )}
    </>
  );
}
