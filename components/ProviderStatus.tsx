import { useLiveQuery } from 'dexie-react-hooks';
import type { SentinelDb } from '@/lib/db/schema';
import { instantFormatter } from '@/lib/explain/format-instant';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { providerHold, readProviderState } from '@/lib/polling/poller-state';
import type { QueryProvider } from '@/lib/tracking/provider';
import type { Lang } from '@/lib/time/shanghai';

const PROVIDER_LABELS: Record<QueryProvider, MessageKey> = { kuaidi100: 'serviceKuaidi100', kdniao: 'serviceKdniao', demo: 'serviceDemo' };

/**
 * What the poller says about the chosen provider (lib/polling/poller-state.ts, in the `meta` table): stopped by an
 * account error with what to do, paused by a limit until when, and today's count against the budget. Live: it
 * follows the worker's writes.
 */
export function ProviderStatus({
  db,
  provider,
  dailyBudget,
  lang,
  onFix,
}: {
  db: SentinelDb;
  provider: QueryProvider;
  /** Null: only the stop and pause banners (the popup), not today's count. */
  dailyBudget: number | null;
  lang: Lang;
  /**
   * The popup, which cannot fix anything itself: the stop banner reads briefly ("快递100 签名错误：… 去设置 →")
   * and offers the 去设置 button.
   */
  onFix?: () => void;
}) {
  const read = useLiveQuery(async () => {
    const now = Date.now();
    const state = await readProviderState(db, provider, now);
    return { state, hold: providerHold(state, now) };
  }, [db, provider]);
  if (read === undefined) return null;
  const { state, hold } = read;
  const name = t(PROVIDER_LABELS[provider], lang);
  return (
    <>
      {hold === 'stopped' && state.stoppedFor !== null && (
        <p className="banner error" data-testid="provider-stopped">
          {onFix === undefined
            ? t('providerStopped', lang, { provider: name, message: state.stoppedFor.message[lang] })
            : t('popupProviderStopped', lang, { provider: name, problem: state.stoppedFor.message[lang] })}
          {onFix !== undefined && (
            <>
              {' '}
              <button type="button" onClick={onFix}>
                {t('goToSettings', lang)} →
              </button>
            </>
          )}
        </p>
      )}
      {hold === 'paused' && state.pausedUntil !== null && (
        <p className="banner" data-testid="provider-paused">
          {t('providerPaused', lang, { provider: name, at: instantFormatter(lang)(state.pausedUntil) })}
        </p>
      )}
      {dailyBudget !== null && (
        <p className="muted" data-testid="provider-sent-today">
          {t('providerSentToday', lang, { provider: name, n: state.sentToday, budget: dailyBudget })}
        </p>
      )}
    </>
  );
}
