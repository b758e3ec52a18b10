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
    trace: null,
    waitingFor: null,
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

const unverifiedPickup = (dueAt: number) =>
  stub({
    kind: 'pickup_by',
    severity: 'info',
    dueAt,
    rule: 'R6',
    orderSn: ORDER_SN,
    basis: { shippedAt: dueAt - 24 * HOUR, warnHours: 12, criticalHours: 4, trackingCheckedAt: null, verified: false },
  });

test('a pickup clock with no trace read counts down at info marked 未核实, then stays as a warn chip 揽收未核实', () => {
  const anchor = document.createElement('span');
  document.body.append(anchor);
  renderer.draw(anchor, { orderSn: ORDER_SN, promiseShipAt: null, shippedAt: START - 22 * HOUR, state: 'shipped', findings: [unverifiedPickup(START + 2 * HOUR)], trace: null, waitingFor: null });
  const badge = () => anchor.nextElementSibling!.shadowRoot!.querySelector<HTMLElement>('.badge[data-kind="pickup_by"]')!;
  expect([badge().dataset.severity, badge().textContent]).toEqual(['info', '揽收 剩 2时0分 · 未核实']);
  now = START + 3 * HOUR;
  ticker.tick();
  expect([badge().dataset.severity, badge().textContent]).toEqual(['warn', '揽收未核实']);
  now = START + 30 * 24 * HOUR;
  ticker.tick();
  expect([badge().dataset.severity, badge().textContent]).toEqual(['warn', '揽收未核实']);
});

test('the explanation says how to verify an unverified pickup, and shows the trace with its source and newest events', () => {
  const anchor = document.createElement('span');
  document.body.append(anchor);
  const explanationOf = () => {
    const host = anchor.nextElementSibling as HTMLElement;
    host.dispatchEvent(new Event('mouseenter'));
    return host.shadowRoot!.querySelector('.explain')!;
  };
  renderer.draw(anchor, { orderSn: ORDER_SN, promiseShipAt: null, shippedAt: START - 22 * HOUR, state: 'shipped', findings: [unverifiedPickup(START + 2 * HOUR)], trace: null, waitingFor: null });
  const unverified = explanationOf();
  expect(unverified.querySelector('.verify')?.textContent).toMatch(/选项页选择查询服务.*打开这个订单的物流/);
  expect(unverified.querySelector('[data-kind="trace"]')).toBeNull();

  // Picked up since, read through the console's own trace: no pickup clock, a quiet ✓ and the trace behind it.
  const trace = {
    provider: 'console' as const,
    checkedAt: START,
    status: 'picked_up' as const,
    events: [{ at: START - HOUR, text: '【苏州市】快递员已揽收', area: null }],
  };
  renderer.draw(anchor, { orderSn: ORDER_SN, promiseShipAt: null, shippedAt: START - 22 * HOUR, state: 'shipped', findings: [], trace, waitingFor: null });
  const section = explanationOf().querySelector('[data-kind="trace"]')!;
  expect(section.querySelector('h4')?.textContent).toBe('物流轨迹 · 后台物流');
  expect(section.textContent).toContain(`物流查询时间${toIso(START)}`);
  expect(section.textContent).toContain('已揽收');
  expect(section.textContent).toContain(`${toIso(START - HOUR)}【苏州市】快递员已揽收`);
});

test('a parcel waiting for a phone tail says so on the card and in its explanation, beside its unverified clock', () => {
  const anchor = document.createElement('span');
  document.body.append(anchor);
  renderer.draw(anchor, {
    orderSn: ORDER_SN,
    promiseShipAt: null,
    shippedAt: START - 2 * HOUR,
    state: 'shipped',
    findings: [unverifiedPickup(START + 22 * HOUR)],
    trace: null,
    waitingFor: 'phone_tail',
  });
  const host = anchor.nextElementSibling as HTMLElement;
  const chips = [...host.shadowRoot!.querySelectorAll<HTMLElement>('.badge')];
  expect(chips.map((chip) => chip.dataset.kind)).toEqual(['pickup_by', 'waiting']);
  expect(chips[1]!.textContent).toBe('需要手机后四位');
  host.dispatchEvent(new Event('mouseenter'));
  expect(host.shadowRoot!.querySelector('.explain [data-kind="waiting"]')?.textContent).toContain('寄件人手机后四位');
});
