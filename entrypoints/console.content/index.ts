import { logFailure } from '@/lib/errors/error-message';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { diagnose, NO_CAPTURE_MS, SETTLE_MS } from '@/lib/badges/diagnose-page';
import type { CapturedEndpoint } from '@/lib/capture/capture';
import { instantFormatter } from '@/lib/explain/format-instant';
import { resolveLanguage } from '@/lib/i18n/console-messages';
import { onMessage, sendMessage, type OrderView, type PageHealth } from '@/lib/messages/protocol';
import { DEFAULT_SETTINGS, type BadgeSettings } from '@/lib/settings/settings';
import { loadBadgeSettings, watchBadgeSettings } from '@/lib/settings/settings-item';
import { Annotator } from './annotator';
import { BadgeRenderer, type BadgeOptions } from './badges';
import { startBridge } from './bridge';
import { PageNotice } from './page-notice';
import { isAnnotatedPath } from './selectors';
import { Ticker } from './ticker';

/** Captures that list what the page is showing (the detail page's capture does not). */
const LIST_ENDPOINTS: ReadonlySet<CapturedEndpoint> = new Set(['recentOrderList', 'afterSalesList']);

/**
 * Isolated world. The bridge listens from document_start, before the page's first request; cards are
 * matched and badged once the document has a body; one ticker keeps every badge current.
 */
export default defineContentScript({
  matches: ['https://mms.pinduoduo.com/*'],
  runAt: 'document_start',
  main(ctx) {
    let options = badgeOptions(DEFAULT_SETTINGS);
    const ticker = new Ticker(document);
    const renderer = new BadgeRenderer(ticker, () => options);
    const notice = new PageNotice();
    let annotator: Annotator | null = null;
    const pending: OrderView[][] = [];

    let captured: Set<string> | null = null;
    let capturedAt: number | null = null;
    let firstCardAt: number | null = null;
    let reported: PageHealth['state'] | null = null;
    let shopId: string | null = null;
    // The rows each endpoint's latest capture skipped: a new capture of the same list replaces its count.
    const skippedByEndpoint = new Map<CapturedEndpoint, { count: number; reasons: string[] }>();
    let skippedRows = 0;
    let reportedSkipped: number | null = null;

    const checkHealth = () => {
      if (annotator === null || !isAnnotatedPath(window.location.pathname)) return;
      const onScreen = annotator.orderNumbersOnScreen();
      const now = Date.now();
      if (onScreen.size > 0) firstCardAt ??= now;
      const state = diagnose({
        captured,
        onScreen,
        msSinceCapture: capturedAt === null ? null : now - capturedAt,
        msSinceFirstCard: firstCardAt === null ? null : now - firstCardAt,
      });
      if (state === reported && skippedRows === reportedSkipped) return;
      if (state !== reported) notice.show(state, options.lang);
      reported = state;
      reportedSkipped = skippedRows;
      let matched = 0;
      for (const orderSn of captured ?? []) if (onScreen.has(orderSn)) matched += 1;
      const health = { state, matchedCards: matched, capturedOrders: captured?.size ?? 0, skippedRows };
      void sendMessage('pageHealth', { shopId, url: window.location.href, health }).catch(() => undefined);
    };
    const checkHealthLater = (delay: number) => ctx.setTimeout(checkHealth, delay + 50);

    const showViews = (views: OrderView[]) => {
      if (annotator === null) pending.push(views);
      else annotator.update(views);
    };
    const noteSkipped = (endpoint: CapturedEndpoint, count: number, reasons: string[]) => {
      const before = skippedByEndpoint.get(endpoint)?.count ?? 0;
      if (count === 0 && before === 0) return;
      skippedByEndpoint.set(endpoint, { count, reasons });
      const all = [...skippedByEndpoint.values()];
      skippedRows = all.reduce((sum, entry) => sum + entry.count, 0);
      notice.showSkipped(skippedRows, all.flatMap((entry) => entry.reasons), options.lang);
      checkHealthLater(SETTLE_MS);
    };
    startBridge(ctx.signal, (reply, capture) => {
      if (!reply.ok) return;
      shopId = reply.shopId;
      noteSkipped(capture.endpoint, reply.skippedRows, reply.skippedReasons);
      if (LIST_ENDPOINTS.has(capture.endpoint)) {
        captured = new Set(reply.orders.map((order) => order.orderSn));
        capturedAt = Date.now();
        checkHealthLater(SETTLE_MS);
      }
      showViews(reply.orders);
    });
    // Orders that changed elsewhere (a poll's replies, another tab's capture): redrawn where their cards are,
    // for the shop this page shows (known from its first capture).
    ctx.onInvalidated(
      onMessage('ordersChanged', ({ data }) => {
        if (data.shopId === shopId) showViews(data.orders);
      }),
    );

    const startAnnotator = () => {
      annotator = new Annotator(document.body, renderer.draw, () => {
        if (firstCardAt === null && annotator !== null && annotator.orderNumbersOnScreen().size > 0) {
          firstCardAt = Date.now();
          checkHealthLater(NO_CAPTURE_MS);
        }
      });
      annotator.start(ctx.signal);
      for (const views of pending.splice(0)) annotator.update(views);
      ticker.start(ctx.signal);
      ctx.addEventListener(window, 'wxt:locationchange', () => {
        reported = null;
        checkHealthLater(SETTLE_MS);
      });
    };
    if (document.body !== null) startAnnotator();
    else ctx.addEventListener(document, 'DOMContentLoaded', startAnnotator, { once: true });

    const applySettings = (settings: BadgeSettings) => {
      options = badgeOptions(settings);
      annotator?.redrawAll();
    };
    loadBadgeSettings()
      .then(applySettings)
      .catch(logFailure('reading the settings (defaults shown)'));
    ctx.onInvalidated(watchBadgeSettings(applySettings));
  },
});

function badgeOptions(settings: BadgeSettings): BadgeOptions {
  const lang = resolveLanguage(settings.language, navigator.language);
  return { lang, enabled: settings.badgeKinds, formatInstant: instantFormatter(lang) };
}
