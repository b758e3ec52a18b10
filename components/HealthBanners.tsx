import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useLiveQuery } from 'dexie-react-hooks';
import { readHealth } from '@/lib/db/health';
import type { SentinelDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/messages';
import { SESSION_KEYS, type PageHealth } from '@/lib/messages/protocol';
import { formatShanghai, type Lang } from '@/lib/time/shanghai';

interface Props {
  lang: Lang;
  db: SentinelDb | null;
  openFailure: string | null;
}

/** Says plainly when badges are paused on a console tab or history cannot be stored. */
export function HealthBanners({ lang, db, openFailure }: Props) {
  const [pausedTabs, setPausedTabs] = useState<Array<PageHealth['state']>>([]);
  const [workerFailure, setWorkerFailure] = useState<string | null>(null);
  useEffect(() => {
    const read = async () => {
      const stored = await browser.storage.session.get([SESSION_KEYS.pageHealth, SESSION_KEYS.dbOpenFailure]);
      const byTab = (stored[SESSION_KEYS.pageHealth] as Record<string, { health: PageHealth }> | undefined) ?? {};
      setPausedTabs(Object.values(byTab).map((entry) => entry.health.state).filter((state) => state !== 'ok'));
      const failure = stored[SESSION_KEYS.dbOpenFailure] as { reason: string; message: string } | undefined;
      setWorkerFailure(failure === undefined ? null : `${failure.reason}: ${failure.message}`);
    };
    void read();
    browser.storage.session.onChanged.addListener(read);
    return () => browser.storage.session.onChanged.removeListener(read);
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
