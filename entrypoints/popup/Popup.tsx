import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useLiveQuery } from 'dexie-react-hooks';
import { AtRiskList } from '@/components/AtRiskList';
import { HealthBanners } from '@/components/HealthBanners';
import { useDatabase } from '@/components/use-database';
import { useSettings } from '@/components/settings-store';
import { ProviderStatus } from '@/components/ProviderStatus';
import { RecentNotifications } from '@/components/RecentNotifications';
import { countAtRisk, countUnverifiedPickups } from '@/lib/db/at-risk';
import { ORDER_LIST_URL } from '@/lib/console-urls';
import { t } from '@/lib/i18n/messages';

const POPUP_LIMIT = 30;

export function Popup() {
  const database = useDatabase();
  const { lang, load, settings } = useSettings();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    void load();
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [load]);
  const db = database.state === 'open' ? database.db : null;
  const atRisk = useLiveQuery(async () => (db === null ? undefined : countAtRisk(db, null)), [db]);
  // What the toolbar icon counts: the orders at critical or breached.
  const urgent = useLiveQuery(async () => (db === null ? undefined : countAtRisk(db, null, 'critical')), [db]);
  const stored = useLiveQuery(async () => (db === null ? undefined : db.orders.count()), [db]);
  const unverified = useLiveQuery(async () => (db === null ? undefined : countUnverifiedPickups(db)), [db]);
  const service = settings.tracking.service;
  const openOptions = () => void browser.runtime.openOptionsPage();

  return (
    <main style={{ width: 380, maxHeight: 560, overflowY: 'auto' }}>
      <header className="page-header">
        <img src="/icon/32.png" alt="" />
        <h1>{t('appName', lang)}</h1>
        <span className="spacer" />
        <button type="button" onClick={openOptions}>
          {t('options', lang)}
        </button>
      </header>
      <HealthBanners lang={lang} db={db} openFailure={database.state === 'failed' ? database.message : null} />
      {db !== null && service !== 'console_only' && <ProviderStatus db={db} provider={service} dailyBudget={null} lang={lang} onFix={openOptions} />}
      {unverified !== undefined && unverified > 0 && (
        <p className="banner" data-testid="unverified-pickups">
          {t('unverifiedPickups', lang, { n: unverified })}{' '}
          <button type="button" onClick={openOptions}>
            {t('goToSettings', lang)} →
          </button>
        </p>
      )}
      <h2 style={{ padding: '0 12px' }} data-testid="at-risk-count">
        {atRisk === undefined ? t('atRiskTitle', lang) : t('atRiskCount', lang, { n: atRisk })}
        {stored !== undefined && <span className="muted"> · {t('storedOrders', lang, { n: stored })}</span>}
      </h2>
      {urgent !== undefined && urgent > 0 && (
        <p style={{ padding: '0 12px', color: 'var(--critical)' }} data-testid="urgent-count" data-count={urgent}>
          {t('urgentCount', lang, { n: urgent })}
        </p>
      )}
      {db !== null && <RecentNotifications db={db} lang={lang} />}
      {db !== null && <AtRiskList db={db} lang={lang} now={now} limit={POPUP_LIMIT} />}
      <p style={{ padding: '0 12px' }}>
        <a href={ORDER_LIST_URL} target="_blank" rel="noreferrer">
          {t('openConsole', lang)}
        </a>
      </p>
    </main>
  );
}
