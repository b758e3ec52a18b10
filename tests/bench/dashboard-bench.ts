// The dashboard over 100,000 stored orders in Chromium: first contentful paint (budget ≤ 1 s), the index
// counts, the scorecard filled (the worker's aggregation), both charts drawn, and the page's long tasks
// (main thread ≥ 50 ms) until then. The history is a simulated month of a 334-orders-a-day shop, seeded ten
// times as ten shops. The timings are read in the page by an init script of this bench (a PerformanceObserver
// and a MutationObserver); the extension has no code for it.
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { seedExtensionHistory } from '../harness/seed-history';
import { monthEnd, simulateShopMonth } from '../stand-in/shop-month';
import { generateShop } from '../stand-in/synthetic-shop';

const RUNS = 5;
const FIRST_PAINT_BUDGET_MS = 1_000;
const ORDERS_PER_DAY = 334;
const DAYS = 30;
const COPIES = 10;

interface PageTimes {
  firstContentfulPaint: number | null;
  countsShown: number | null;
  scorecardFilled: number | null;
  chartsDrawn: number | null;
  longTasks: number[];
  /** The page's own status line ("已汇总 N 单（S 秒）"). */
  status: string;
}

/**
 * Runs in every page before its own scripts: records when the marks appear, and every long task. Plain text,
 * not a function of this file: tsx compiles functions with name helpers that do not exist in the page.
 */
const OBSERVE_PAGE = `(() => {
  const marks = {};
  const longTasks = [];
  const probes = {
    countsShown: '[data-testid="figure-stored"][aria-busy="false"]',
    scorecardFilled: '[data-testid="scorecard"][aria-busy="false"] tbody tr[data-courier]',
    riskDrawn: '[data-testid="risk-chart"][data-drawn="true"] canvas',
    breachDrawn: '[data-testid="breach-chart"][data-drawn="true"] canvas',
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    for (const [name, selector] of Object.entries(probes)) {
      if (marks[name] === undefined && document.querySelector(selector) !== null) marks[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  globalThis.dashboardBench = { marks, longTasks };
})();`;

async function measure(sentinel: SentinelBrowser): Promise<PageTimes> {
  const page = await sentinel.context.newPage();
  await page.goto(`chrome-extension://${sentinel.extensionId}/dashboard.html`);
  await page.locator('[data-testid="aggregate-status"][data-status="ready"]').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="breach-chart"][data-drawn="true"] canvas').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="risk-chart"][data-drawn="true"] canvas').waitFor({ timeout: 30_000 });
  // One more frame, so that a long task of the charts' first render is reported too.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const times = await page.evaluate(() => {
    const { marks, longTasks } = (globalThis as unknown as { dashboardBench: { marks: Record<string, number>; longTasks: number[] } }).dashboardBench;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const drawn = marks.riskDrawn !== undefined && marks.breachDrawn !== undefined ? Math.max(marks.riskDrawn, marks.breachDrawn) : null;
    return {
      firstContentfulPaint: paint?.startTime ?? null,
      countsShown: marks.countsShown ?? null,
      scorecardFilled: marks.scorecardFilled ?? null,
      chartsDrawn: drawn,
      longTasks: [...longTasks],
      status: document.querySelector('[data-testid="aggregate-status"]')?.textContent ?? '',
    };
  });
  await page.close();
  return times;
}

async function storedOrders(sentinel: SentinelBrowser): Promise<number> {
  const page = await sentinel.context.newPage();
  await page.goto(`chrome-extension://${sentinel.extensionId}/dashboard.html`);
  const count = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('order-sentinel');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const request = open.result.transaction('orders').objectStore('orders').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );
  await page.close();
  return count;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;
const ms = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} ms`);

const now = Date.now();
const end = monthEnd(now);
console.log(`Simulating a shop month (${ORDERS_PER_DAY} orders/day × ${DAYS} days), seeded ${COPIES}× …`);
const month = await simulateShopMonth({ seed: 13, ordersPerDay: ORDERS_PER_DAY, days: DAYS, end });
const sentinel = await launchSentinel({ shop: generateShop({ seed: 13, size: 20, now }), locale: 'zh-CN' });
let failed: boolean;
try {
  await seedExtensionHistory(sentinel, month, { copies: COPIES });
  const orders = await storedOrders(sentinel);
  await sentinel.context.addInitScript({ content: OBSERVE_PAGE });
  console.log(`Dashboard in Chromium over ${orders.toLocaleString('en')} stored orders (${RUNS} page loads; times from navigation start)`);
  const runs: PageTimes[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    const times = await measure(sentinel);
    runs.push(times);
    const long = times.longTasks;
    console.log(
      `  run ${run}: first paint ${ms(times.firstContentfulPaint)}, counts ${ms(times.countsShown)}, scorecard ${ms(times.scorecardFilled)}, charts ${ms(times.chartsDrawn)}; ` +
        `long tasks ${long.length} (max ${ms(long.length === 0 ? 0 : Math.max(...long))}, total ${ms(long.reduce((sum, value) => sum + value, 0))}); «${times.status}»`,
    );
  }
  const paints = runs.map((times) => times.firstContentfulPaint ?? Infinity);
  const column = (pick: (times: PageTimes) => number | null) => median(runs.map((times) => pick(times) ?? Infinity));
  console.log(
    `  median: first paint ${ms(median(paints))}, counts ${ms(column((times) => times.countsShown))}, scorecard ${ms(column((times) => times.scorecardFilled))}, charts ${ms(column((times) => times.chartsDrawn))}, ` +
      `long tasks per load ${median(runs.map((times) => times.longTasks.length))} (longest ${ms(Math.max(0, ...runs.flatMap((times) => times.longTasks)))})`,
  );
  const worst = Math.max(...paints);
  failed = !(worst <= FIRST_PAINT_BUDGET_MS) || orders < 100_000;
  console.log(
    `${failed ? 'FAIL' : 'PASS'} dashboard first paint ${ms(worst)} at worst of ${RUNS} loads over ${orders.toLocaleString('en')} orders [budget ≤ ${FIRST_PAINT_BUDGET_MS} ms with ≥ 100,000 orders]`,
  );
} finally {
  await sentinel.close();
}
if (failed) process.exit(1);
