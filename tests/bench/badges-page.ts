// Runs in Chromium (bundled by badges-bench.ts): the content script's own annotator, renderer and ticker
// over stand-in console cards, timed with the page's clock.
import { Annotator } from '../../entrypoints/console.content/annotator';
import { BadgeRenderer } from '../../entrypoints/console.content/badges';
import { Ticker } from '../../entrypoints/console.content/ticker';
import { instantFormatter } from '../../lib/explain/format-instant';
import type { OrderView } from '../../lib/messages/protocol';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
// @ts-expect-error: the stand-in's page scripts are plain JavaScript modules.
import { LAYOUTS } from '../stand-in/client/order-cards.js';

interface Layout {
  listClass: string;
  card(row: Record<string, unknown>): HTMLElement;
}

const options = () => ({ lang: 'zh' as const, enabled: DEFAULT_SETTINGS.badgeKinds, formatInstant: instantFormatter('zh') });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Cards already on screen, then their data arrives: time to badge them all, with the layout it causes. */
function annotateOnce(rows: Record<string, unknown>[], views: OrderView[]): { script: number; withLayout: number; hosts: number } {
  const layout = (LAYOUTS as Record<string, Layout>).classic!;
  const list = document.createElement('div');
  list.className = layout.listClass;
  list.append(...rows.map((row) => layout.card(row)));
  document.body.replaceChildren(list);
  void document.body.offsetHeight;
  const controller = new AbortController();
  const renderer = new BadgeRenderer(new Ticker(document), options);
  const annotator = new Annotator(document.body, renderer.draw, () => undefined);
  annotator.start(controller.signal);
  const start = performance.now();
  annotator.update(views);
  const script = performance.now() - start;
  void document.body.offsetHeight;
  const withLayout = performance.now() - start;
  const hosts = document.querySelectorAll('order-sentinel-badges').length;
  controller.abort();
  return { script, withLayout, hosts };
}

export function runAnnotate(rows: Record<string, unknown>[], views: OrderView[], runs: number) {
  const results = Array.from({ length: runs }, () => annotateOnce(rows, views));
  return {
    scriptMs: median(results.map((result) => result.script)),
    withLayoutMs: median(results.map((result) => result.withLayout)),
    hosts: results[0]!.hosts,
  };
}

/** Badges on screen, then one tick of the shared ticker, many times. */
export function runTicks(rows: Record<string, unknown>[], views: OrderView[], ticks: number) {
  const layout = (LAYOUTS as Record<string, Layout>).classic!;
  document.body.replaceChildren(...rows.map((row) => layout.card(row)));
  let clock = Date.now();
  const ticker = new Ticker(document, () => clock);
  const renderer = new BadgeRenderer(ticker, options, () => clock);
  const annotator = new Annotator(document.body, renderer.draw, () => undefined);
  const controller = new AbortController();
  annotator.start(controller.signal);
  annotator.update(views);
  void document.body.offsetHeight;
  const durations: number[] = [];
  let updated = 0;
  for (let i = 0; i < ticks; i += 1) {
    clock += 1000;
    const start = performance.now();
    updated = ticker.tick();
    durations.push(performance.now() - start);
  }
  controller.abort();
  const sorted = [...durations].sort((a, b) => a - b);
  return { tickMs: median(durations), p95TickMs: sorted[Math.floor(sorted.length * 0.95)]!, badgesTicked: updated };
}
