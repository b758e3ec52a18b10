// The popup as a merchant acts from it: a header with the counts per severity and the age of the data, the
// banners that need a decision, the chips and the search, and the rows most urgent first. It shows one
// PopupStore (./popup-store.ts), which the page (entrypoints/popup) starts on the database as soon as it is
// open; the page also gives it the database (for the banners' own reads) and the browser's tabs.
import { useEffect, useState, type WheelEvent } from 'react';
import { useStore } from 'zustand';
import { afterNextPaint } from './after-next-paint';
import { HealthBanners } from './HealthBanners';
import { KindSnooze } from './KindSnooze';
import { ProviderStatus } from './ProviderStatus';
import { RecentNotifications } from './RecentNotifications';
import { MutedGroup, OrderRow, SkeletonRows, type RowActions } from './PopupRows';
import type { PopupStore } from './popup-store';
import { LISTED_SEVERITIES } from '@/lib/db/popup-rows';
import { severalShops, shopLabelOf } from '@/lib/db/records';
import type { SentinelDb } from '@/lib/db/schema';
import { instantFormatter } from '@/lib/explain/format-instant';
import { FINDING_KINDS, KIND_LABELS } from '@/lib/findings/registry';
import { SEVERITY_LABELS } from '@/lib/findings/severity';
import { t } from '@/lib/i18n/messages';
import type { TrackingService } from '@/lib/tracking/provider';
import { formatRemaining, HOUR_MS, type Lang } from '@/lib/time/shanghai';

/** Data older than this asks for a visit to the order list. */
export const STALE_AFTER_MS = 2 * HOUR_MS;
/** Skeleton rows while the first read runs: enough to fill the popup. */
const SKELETON_ROWS = 6;
/** The one timer of the popup: the clocks show seconds in their last hour. */
const TICK_MS = 1_000;
/** Rows in the first frame with data, more than the popup's window holds; the rest follow once it is painted. */
const FIRST_FRAME_ROWS = 12;

export interface PopupLinks {
  /** Shows a console page (an order's detail, the order list) in the console tab, or a new one. */
  openConsole: (url: string) => void;
  openOptions: () => void;
  openDashboard: () => void;
  orderListUrl: string;
  detailUrl: (orderSn: string) => string;
}

interface Props {
  store: PopupStore;
  db: SentinelDb | null;
  openFailure: string | null;
  lang: Lang;
  service: TrackingService;
  links: PopupLinks;
}

export function PopupScreen({ store, db, openFailure, lang, service, links }: Props) {
  const state = useStore(store);
  useEffect(() => {
    const timer = setInterval(() => store.getState().tick(), TICK_MS);
    return () => clearInterval(timer);
  }, [store]);

  const { phase, data, now, kind, search } = state;
  const ready = phase === 'ready' && data !== null;
  const [allRows, setAllRows] = useState(false);
  useEffect(() => (ready && !allRows ? afterNextPaint(() => setAllRows(true)) : undefined), [ready, allRows]);
  const head = data?.head ?? null;
  const counts = state.counts;
  // A row names its shop (by the name the console showed, else its id) when several are stored.
  const namesShops = severalShops((head?.shops ?? []).map((shop) => shop.shopId));
  const shopLabels = new Map(head?.shops.map((shop) => [shop.shopId, shopLabelOf(shop)]));
  // Until the first read (or a failure) the popup shows placeholders of the final size; the banners, the
  // list and the footer are mounted but hidden, so their own reads run meanwhile and all of it shows in one frame.
  const settled = ready || phase === 'failed' || openFailure !== null;
  const actions: RowActions = {
    open: (order) => links.openConsole(links.detailUrl(order.orderSn)),
    snooze: (order, choice) => void state.snooze(order, choice),
    markHandled: (order) => void state.markHandled(order),
    undo: (order) => void state.undo(order),
  };
  const format = instantFormatter(lang);
  const captured = head === null ? '' : head.lastCaptureAt === null ? t('popupNeverCaptured', lang) : t('popupLastCapture', lang, { at: format(head.lastCaptureAt) });
  const stale = head !== null && (head.lastCaptureAt === null || now - head.lastCaptureAt > STALE_AFTER_MS);

  return (
    <main className="popup">
      <header className="page-header popup-header">
        <img src="/icon/32.png" alt="" />
        <h1>{t('appName', lang)}</h1>
        {/* Outside China the Beijing time follows in brackets: the line may be cut short, its title keeps it whole. */}
        <span className="muted popup-captured" data-testid="last-capture" title={captured}>
          {captured}
        </span>
        <span className="spacer" />
        <button type="button" onClick={links.openDashboard}>
          {t('dashboard', lang)}
        </button>
        <button type="button" onClick={links.openOptions}>
          {t('options', lang)}
        </button>
      </header>
      {/* The labels stand from the start and each number has a box of its own: the counts, read after the first rows, move nothing. */}
      <p className="popup-counts" role="status" data-testid="at-risk-count" aria-label={t('popupSeverityCounts', lang)} aria-busy={counts === null}>
        <span data-testid="urgent-count" data-count={counts === null ? undefined : counts.severities.breached + counts.severities.critical}>
          {LISTED_SEVERITIES.filter((severity) => severity !== 'warn').map((severity) => (
            <SeverityCount key={severity} severity={severity} n={counts?.severities[severity] ?? null} lang={lang} />
          ))}
        </span>
        <SeverityCount severity="warn" n={counts?.severities.warn ?? null} lang={lang} />
        <span className="spacer" />
        {/* From the second read, in the line's reserved height: the rows below it do not move when it comes. */}
        {counts !== null && counts.unverifiedPickups > 0 && (
          <button
            type="button"
            className="small popup-unverified"
            data-testid="unverified-pickups"
            title={t('unverifiedPickups', lang, { n: counts.unverifiedPickups })}
            aria-label={`${t('unverifiedPickups', lang, { n: counts.unverifiedPickups })} ${t('goToSettings', lang)}`}
            onClick={links.openOptions}
          >
            {t('popupUnverifiedShort', lang, { n: counts.unverifiedPickups })} →
          </button>
        )}
      </p>
      {!settled && <SkeletonRows count={SKELETON_ROWS} lang={lang} />}
      <div hidden={!settled} className="popup-body">
        {stale && head !== null && (
          <p className="banner" data-testid="stale-prompt">
            {head.lastCaptureAt === null ? t('popupNoData', lang) : t('popupStale', lang, { age: formatRemaining(now - head.lastCaptureAt, lang) })}{' '}
            <button type="button" className="primary" onClick={() => links.openConsole(links.orderListUrl)}>
              {t('popupRefresh', lang)}
            </button>
          </p>
        )}
        <HealthBanners lang={lang} db={db} openFailure={openFailure} />
        {db !== null && service !== 'console_only' && <ProviderStatus db={db} provider={service} dailyBudget={null} lang={lang} onFix={links.openOptions} />}
        {state.actionError !== null && (
          <p className="banner error" role="alert">
            {t('popupActionFailed', lang, { reason: state.actionError })}
          </p>
        )}
        {phase === 'failed' && (
          <p className="banner error" role="alert" data-testid="popup-error">
            {t('popupLoadFailed', lang, { reason: state.error ?? '' })}
          </p>
        )}
        {ready && (
          <section className="popup-list" aria-label={t('popupOrders', lang)}>
            <div className="popup-tools">
              <input
                type="search"
                className="popup-search"
                placeholder={t('popupSearchHint', lang)}
                aria-label={t('popupSearch', lang)}
                value={search}
                onChange={(event) => state.setSearch(event.target.value)}
              />
            </div>
            {/* One line of chips that scrolls sideways: the mouse wheel scrolls it too (a wheel only moves up and down). */}
            <div className="popup-kinds" role="group" aria-label={t('popupKindFilter', lang)} onWheel={scrollSideways}>
              <button type="button" className="kind-chip" aria-pressed={kind === null} data-kind="all" onClick={() => state.setKind(null)}>
                {t('popupAll', lang)} <b>{counts?.listed ?? '–'}</b>
              </button>
              {counts === null && <span className="bone chip-bone" aria-hidden="true" />}
              {FINDING_KINDS.filter((candidate) => counts?.kinds[candidate] !== undefined).map((candidate) => (
                <button key={candidate} type="button" className="kind-chip" aria-pressed={kind === candidate} data-kind={candidate} onClick={() => state.setKind(candidate)}>
                  {KIND_LABELS[candidate][lang]} <b>{counts?.kinds[candidate]}</b>
                </button>
              ))}
            </div>
            {kind !== null && <KindSnooze kind={kind} mutes={state.mutes} now={now} lang={lang} onSnooze={(choice) => void state.snoozeKind(kind, choice)} />}
            {data.view.rows.length === 0 ? (
              <p className="muted popup-empty" role="status" data-testid="popup-empty">
                {search.trim() !== '' ? t('popupNoSearchMatch', lang, { q: search.trim() }) : kind !== null ? t('popupNoMatch', lang) : t('atRiskNone', lang)}
              </p>
            ) : (
              <ul className="popup-rows" data-testid="popup-rows">
                {(allRows ? data.view.rows : data.view.rows.slice(0, FIRST_FRAME_ROWS)).map((row) => (
                  <OrderRow
                    key={`${row.order.shopId}|${row.order.orderSn}`}
                    row={row}
                    now={now}
                    lang={lang}
                    shopName={namesShops ? (shopLabels.get(row.order.shopId) ?? row.order.shopId) : null}
                    kind={kind}
                    actions={actions}
                  />
                ))}
              </ul>
            )}
            {data.view.more && (
              <button type="button" className="popup-more" onClick={state.showMore}>
                {t('popupShowMore', lang)}
              </button>
            )}
            <MutedGroup rows={data.view.muted} mutes={state.mutes} open={state.mutedOpen} onToggle={state.toggleMuted} lang={lang} actions={actions} />
          </section>
        )}
        {/* Below the rows and read after them, so that its read does not queue before theirs. */}
        {db !== null && ready && <RecentNotifications db={db} lang={lang} />}
        <footer className="popup-footer">
          <a
            href={links.orderListUrl}
            onClick={(event) => {
              event.preventDefault();
              links.openConsole(links.orderListUrl);
            }}
          >
            {t('openConsole', lang)}
          </a>
          <span className="muted" data-testid="stored-count">
            {counts === null ? '' : t('storedOrders', lang, { n: counts.stored })}
          </span>
        </footer>
      </div>
    </main>
  );
}

function scrollSideways(event: WheelEvent<HTMLElement>) {
  if (event.deltaX !== 0 || event.deltaY === 0) return;
  event.currentTarget.scrollLeft += event.deltaY;
}

function SeverityCount({ severity, n, lang }: { severity: (typeof LISTED_SEVERITIES)[number]; n: number | null; lang: Lang }) {
  return (
    <span className={`severity-count severity-${severity}`} data-severity={severity} data-count={n ?? undefined}>
      {SEVERITY_LABELS[severity][lang]} <b>{n ?? '–'}</b>
    </span>
  );
}
