// @vitest-environment happy-dom
import { beforeEach, expect, test } from 'vitest';
import { BadgeRenderer } from '../../../entrypoints/console.content/badges';
import { Ticker } from '../../../entrypoints/console.content/ticker';
import type { OrderView } from '../../../lib/messages/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { toIso } from '../../../lib/time/shanghai';
import { stub } from '../findings/builders';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-20T02:00:00Z');
const ORDER_SN = '261118-000000000000001';

let now = START;
const ticker = new Ticker(document, () => now);
const renderer = new BadgeRenderer(ticker, () => ({ lang: 'zh', enabled: DEFAULT_SETTINGS.badgeKinds, formatInstant: toIso }), () => now);


function badgesOnCard(anchor: Element): Array<[string | undefined, string | undefined]> {
  const links = anchor.nextElementSibling?.shadowRoot?.querySelectorAll<HTMLElement>('.badge') ?? [];
  return [...links].map((link) => [link.dataset.kind, link.dataset.severity]);
}

beforeEach(() => {
  now = START;
  document.body.replaceChildren();
});

test('between captures the one ticker re-bands each badge and drops a clock whose window has closed', () => {
  const anchor = document.createElement('span');
  anchor.textContent = ORDER_SN;
  document.body.append(anchor);
  const view: OrderView = {
    orderSn: ORDER_SN,
    promiseShipAt: null,
    shippedAt: START - 150 * HOUR,
    state: 'shipped',
    findings: [
      stub({ kind: 'ship_by', severity: 'info', dueAt: START + 3 * HOUR, rule: 'R1', orderSn: ORDER_SN, basis: { warnHours: 12, criticalHours: 2, shippingDelayAllowed: false } }),
      stub({ kind: 'fast_refund_appeal_by', severity: 'info', dueAt: START + 49 * HOUR, rule: 'R13', orderSn: ORDER_SN, basis: { warnHours: 48 } }),
    ],
  };
  renderer.draw(anchor, view);
  expect(badgesOnCard(anchor)).toEqual([
    ['ship_by', 'warn'],
    ['fast_refund_appeal_by', 'info'],
  ]);

  now = START + 2 * HOUR;
  ticker.tick();
  expect(badgesOnCard(anchor)).toEqual([
    ['ship_by', 'critical'],
    ['fast_refund_appeal_by', 'warn'],
  ]);

  // Past both deadlines: the duty is breached, the appeal window is simply over.
  now = START + 50 * HOUR;
  ticker.tick();
  expect(badgesOnCard(anchor)).toEqual([['ship_by', 'breached']]);
  expect(anchor.nextElementSibling?.shadowRoot?.textContent).toContain('发货 超');
});
