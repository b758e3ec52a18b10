// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { OrderRow, type RowActions } from '@/components/PopupRows';
import type { FindingRecord, StoredOrder } from '@/lib/db/records';
import { HOUR, NOW, storedOrder } from '../db/helpers';

// A row's clock follows its finding's bands as the popup's clock moves, the way the order's badge does.

const actions: RowActions = { open: () => undefined, snooze: () => undefined, markHandled: () => undefined, undo: () => undefined };
afterEach(cleanup);

/** An order whose one clock was stored at NOW with the severity and basis given. */
function withClock(kind: FindingRecord['kind'], severity: FindingRecord['severity'], dueAt: number, basis: Record<string, unknown>): StoredOrder {
  const order = storedOrder('s1', '261120-000000000000101', [{ kind, severity, dueAt }]);
  return { ...order, findings: order.findings.map((record) => ({ ...record, basis }) as unknown as FindingRecord) };
}

const clockAt = (order: StoredOrder, now: number) => {
  render(<OrderRow row={{ order, waybill: null, mute: null }} now={now} lang="zh" shopName={null} actions={actions} />);
  const clock = screen.getByTestId('row-clock');
  const shown = { text: clock.textContent, className: clock.className };
  cleanup();
  return shown;
};

test("a ship-by clock stored at info turns warn and critical as its time runs down, without a new evaluation", () => {
  const order = withClock('ship_by', 'info', NOW + 20 * HOUR, { warnHours: 12, criticalHours: 4, shippingDelayAllowed: false });
  expect(clockAt(order, NOW).className).toContain('severity-info');
  expect(clockAt(order, NOW + 10 * HOUR).className).toContain('severity-warn');
  expect(clockAt(order, NOW + 17 * HOUR)).toMatchObject({ className: expect.stringContaining('severity-critical') as string, text: '剩 3时0分' });
});

test('an unverified pickup past due says 揽收未核实 in warn, as its badge does, not how late', () => {
  const order = withClock('pickup_by', 'info', NOW + HOUR, { verified: false, warnHours: 12, criticalHours: 4 });
  expect(clockAt(order, NOW).text).toMatch(/^剩 /);
  expect(clockAt(order, NOW + 3 * HOUR)).toEqual({ text: '揽收未核实', className: expect.stringContaining('severity-warn') as string });
});

test("the finding's chip takes the clock's severity at the popup's time, not the one it was stored with", () => {
  const order = withClock('ship_by', 'info', NOW + 20 * HOUR, { warnHours: 12, criticalHours: 4, shippingDelayAllowed: false });
  const chipAt = (now: number) => {
    render(<OrderRow row={{ order, waybill: null, mute: null }} now={now} lang="zh" shopName={null} actions={actions} />);
    const chip = document.querySelector<HTMLElement>('.chip[data-kind="ship_by"]')!.className;
    cleanup();
    return chip;
  };
  expect(chipAt(NOW)).toContain('chip-info');
  expect(chipAt(NOW + 17 * HOUR)).toContain('chip-critical');
});
