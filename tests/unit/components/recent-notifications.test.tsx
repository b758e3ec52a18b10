// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, test, vi, type Mock } from 'vitest';
import { RecentNotifications } from '@/components/RecentNotifications';
import { logNotification } from '@/lib/db/notification-log';
import type { SentinelDb } from '@/lib/db/schema';
import { HOUR, NOW, SHOP, freshDb } from '../db/helpers';
import { catchWorkerMessages } from './fixtures';

// The popup's recent notifications: each notification's own row, newest first, and a click on one asks the
// worker to open it (the notification click's own path, unit-tested in tests/unit/background/notifier.test.ts).

const A = '261120-000000000000081';
const B = '261120-000000000000082';
let db: SentinelDb;
let sent: Mock;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await freshDb();
  sent = catchWorkerMessages();
  const row = { shopId: SHOP, severity: 'critical' as const, kind: 'ship_by' as const, body: '' };
  await logNotification(db, { ...row, orderSn: A, key: `lead:ship_by:1:${A}`, sentAt: NOW - HOUR, title: `订单 ${A} 1 小时内需发货`, orderSns: [A] });
  // An item a digest covered: no orders of its own, not repeated.
  await logNotification(db, { ...row, orderSn: B, key: `lead:ship_by:1:${B}`, sentAt: NOW, title: 'covered' });
  await logNotification(db, { ...row, orderSn: null, key: 'digest:1:abc', sentAt: NOW, kind: null, title: '2 单需尽快处理', orderSns: [A, B] });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  db.close();
});

test('a click on a recent notification asks the worker to open it, by its shop and key', async () => {
  render(<RecentNotifications db={db} lang="zh" />);
  const buttons = await screen.findAllByRole('button');
  expect(buttons.map((button) => button.querySelector('b')?.textContent)).toEqual(['2 单需尽快处理', `订单 ${A} 1 小时内需发货`]);
  fireEvent.click(buttons[1]!);
  fireEvent.click(buttons[0]!);
  const messages = () => sent.mock.calls.map((call) => call[0] as { type: string; data: unknown }).map(({ type, data }) => ({ type, data }));
  await waitFor(() =>
    expect(messages()).toEqual([
      { type: 'openNotification', data: { shopId: SHOP, key: `lead:ship_by:1:${A}` } },
      { type: 'openNotification', data: { shopId: SHOP, key: 'digest:1:abc' } },
    ]),
  );
});
