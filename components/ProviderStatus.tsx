import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import type { SentinelDb } from '@/lib/db/schema';
import { instantFormatter } from '@/lib/explain/format-instant';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { providerHold, readProviderState, type ProviderFailing } from '@/lib/polling/poller-state';
import { providerHost } from '@/lib/settings/provider-origins';
import type { QueryProvider } from '@/lib/tracking/provider';
import type { Lang } from '@/lib/time/shanghai';

const PROVIDER_LABELS: Record<QueryProvider, MessageKey> = { kuaidi100: 'serviceKuaidi100', kdniao: 'serviceKdniao', demo: 'serviceDemo' };

/**
 * What the poller says about the chosen provider (lib/polling/poller-state.ts, in the `meta` table): stopped by an
 * account error with what to do, paused by a limit until when, failing for now (retried by itself, and what to do if
 * it lasts), in the popup unusable (no account, no host access), and today's count against the budget. Live: it
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
  /** Null: only the banners (the popup), not today's count. */
  dailyBudget: number | null;
  lang: Lang;
  /**
   * The popup, which cannot fix anything itself: the banners read briefly ("快递100 签名错误：… 去设置 →") and offer
   * the 去设置 button. It alone shows the unusable mark: the options page checks the host access itself, at once.
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
  const fixButton = onFix !== undefined && (
    <>
      {' '}
      <button type="button" onClick={onFix}>
        {t('goToSettings', lang)} →
      </button>
    </>
  );
  // The demo needs neither an account nor a host.
  const host = provider === 'demo' ? null : providerHost(provider);
  const unusable = onFix !== undefined && host !== null ? state.unusable : null;
  return (
    <>
      {unusable !== null && host !== null && (
        <p className="banner error" data-testid="provider-unusable">
          {unusable === 'no_permission' ? t('popupProviderNoPermission', lang, { provider: name, host }) : t('popupProviderNoAccount', lang, { provider: name })}
          {fixButton}
        </p>
      )}
      {hold === 'stopped' && state.stoppedFor !== null && (
        <p className="banner error" data-testid="provider-stopped">
          {onFix === undefined
            ? t('providerStopped', lang, { provider: name, message: state.stoppedFor.message[lang] })
            : t('popupProviderStopped', lang, { provider: name, problem: state.stoppedFor.message[lang] })}
          {fixButton}
        </p>
      )}
      {hold === 'paused' && state.pausedUntil !== null && (
        <p className="banner" data-testid="provider-paused">
          {t('providerPaused', lang, { provider: name, at: instantFormatter(lang)(state.pausedUntil) })}
        </p>
      )}
      {/* A stop or a pause says more: nothing is asked meanwhile. */}
      {hold === null && state.failing !== null && <FailingBanner failing={state.failing} name={name} lang={lang} fixButton={fixButton} brief={onFix !== undefined} />}
      {dailyBudget !== null && (
        <p className="muted" data-testid="provider-sent-today">
          {t('providerSentToday', lang, { provider: name, n: state.sentToday, budget: dailyBudget })}
        </p>
      )}
    </>
  );
}

/** The plain message first; the technical detail on hover in the popup, folded away in the options. */
function FailingBanner({ failing, name, lang, fixButton, brief }: { failing: ProviderFailing; name: string; lang: Lang; fixButton: ReactNode; brief: boolean }) {
  const at = instantFormatter(lang);
  const values = {
    provider: name,
    message: failing.message[lang],
    since: at(failing.since),
    n: failing.consecutive,
    retry: failing.retryAt === null ? t('providerFailingOthers', lang) : t('providerFailingRetryAt', lang, { at: at(failing.retryAt) }),
  };
  return (
    <div className="banner" data-testid="provider-failing" title={brief ? failing.detail : undefined}>
      {t(brief ? 'popupProviderFailing' : 'providerFailing', lang, values)}
      {fixButton}
      {!brief && (
        <details>
          <summary>{t('providerTechnicalDetail', lang)}</summary>
          <code>{failing.detail}</code>
        </details>
      )}
    </div>
  );
}
