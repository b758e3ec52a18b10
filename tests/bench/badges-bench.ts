// Badge performance in Chromium: annotating 50 and 100 cards once their data arrives, one tick over
// 100 badges (and whether it forces a layout), and the size of the scripts the console page loads.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { EXTENSION_DIR, CHROMIUM } from '../harness/browser';
import { generateShop } from '../stand-in/synthetic-shop';
import { normalizeOrderRow } from '../../lib/pdd/order-row';
import { assessOrder } from '../../lib/findings/assess';
import { DEFAULT_POLICY } from '../../lib/findings/policy';
import type { OrderView } from '../../lib/messages/protocol';
import type * as BadgeBench from './badges-page';

const ROOT = resolve(import.meta.dirname, '../..');
/** The page's global: the bundle of badges-page.ts (see `bundlePage`). */
type BenchWindow = typeof window & { badgeBench: typeof BadgeBench };

async function bundlePage(): Promise<string> {
  const output = await build({
    root: ROOT,
    logLevel: 'silent',
    configFile: false,
    resolve: { alias: { '@': ROOT } },
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(import.meta.dirname, 'badges-page.ts'), formats: ['iife'], name: 'badgeBench', fileName: () => 'bench.js' },
    },
  });
  const result = Array.isArray(output) ? output[0]! : output;
  if (!('output' in result)) throw new Error('unexpected vite output');
  return (result.output[0] as { code: string }).code;
}

function viewsOf(rows: Record<string, unknown>[], now: number): OrderView[] {
  return rows.flatMap((row) => {
    const normalized = normalizeOrderRow(row);
    if (!normalized.ok) return [];
    const { facts } = normalized;
    const findings = assessOrder({ order: facts, afterSales: [], tracking: null }, now, DEFAULT_POLICY);
    return [{ orderSn: facts.orderSn, promiseShipAt: facts.promiseShipAt, shippedAt: facts.shippedAt, state: facts.state, findings, trace: null, waitingFor: null }];
  });
}

const now = Date.now();
const shop = generateShop({ seed: 5, size: 300, now });
const code = await bundlePage();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
await page.addScriptTag({ content: code });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const layoutCount = async () => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'LayoutCount')!.value;
};

/** Each budget as [what, measured, limit, unit]; checked at the end, so every figure prints first. */
const budgets: Array<[string, number, number, string]> = [];

console.log('Badges in Chromium (median of 25 runs; main-thread time of the content script code)');
for (const cards of [50, 100]) {
  const rows = shop.orders.slice(0, cards);
  const views = viewsOf(rows, now);
  const result = await page.evaluate(([r, v]) => (window as BenchWindow).badgeBench.runAnnotate(r, v, 25), [rows, views] as const);
  console.log(`  annotate ${cards} cards after their data arrives: ${result.scriptMs.toFixed(2)} ms script, ${result.withLayoutMs.toFixed(2)} ms with the layout it causes (${result.hosts} badge hosts) [budget ${cards === 50 ? 8 : 16} ms]`);
  budgets.push([`annotate ${cards} cards, with layout`, result.withLayoutMs, cards === 50 ? 8 : 16, 'ms']);
}
{
  const rows = shop.orders.slice(0, 100);
  const views = viewsOf(rows, now);
  const before = await layoutCount();
  const result = await page.evaluate(([r, v]) => (window as BenchWindow).badgeBench.runTicks(r, v, 300), [rows, views] as const);
  const layouts = (await layoutCount()) - before;
  console.log(`  one tick over ${result.badgesTicked} ticking badges (100 cards): ${result.tickMs.toFixed(3)} ms median, ${result.p95TickMs.toFixed(3)} ms p95 [budget 1 ms]`);
  budgets.push(['one tick over 100 cards (median)', result.tickMs, 1, 'ms']);
  console.log(`  layouts during setup + 300 ticks in one task: ${layouts} (1 is the setup's own; more would mean ticks force layout)`);
}
await browser.close();

console.log('Scripts the console page loads (production build, gzip -9)');
for (const [file, budget] of [['content-scripts/console.js', 30], ['content-scripts/page-hook.js', 3]] as const) {
  const bytes = await readFile(resolve(EXTENSION_DIR, file));
  console.log(`  ${file}: ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped [budget ${budget} KB]`);
  budgets.push([`${file} gzipped`, gzipSync(bytes, { level: 9 }).length / 1024, budget, 'KB']);
}
for (const [what, measured, limit, unit] of budgets) {
  console.log(`${measured <= limit ? 'PASS' : 'FAIL'} ${what}: ${measured.toFixed(2)} ${unit} [budget ≤ ${limit} ${unit}]`);
}
if (budgets.some(([, measured, limit]) => measured > limit)) process.exitCode = 1;
