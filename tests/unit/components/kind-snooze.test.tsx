// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PopupScreen } from '@/components/PopupScreen';
import { createPopupStore, type PopupStore } from '@/components/popup-store';
import { detailUrl, ORDER_LIST_URL } from '@/lib/console-urls';
import type { SentinelDb } from '@/lib/db/schema';
import { DEFAULT_POLICY } from '@/lib/findings/policy';
import { ingestCapture } from '@/lib/ingest/ingest-capture';
import { mutesItem } from '@/lib/notifications/mutes-item';
import { HOUR, NOW, freshDb, listCapture, orderRow } from '../db/helpers';

// 此类稍后提醒 in the popup: with a kind chip chosen, that kind's notifications wait (the mutes the planner reads);
// the orders stay listed, and 撤销 lets the kind notify again.

const A = '261120-000000000000001';
const B = '261120-000000000000002';
let db: SentinelDb;
let store: PopupStore;
let stop: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await freshDb();
  const due = (hours: number) => Math.floor((NOW + hours * HOUR) / 1000);
  await ingestCapture(db, listCapture([orderRow(A, { promise_shipping_time: due(1) }), orderRow(B, { promise_shipping_time: due(3) })]), NOW, DEFAULT_POLICY);
  store = createPopupStore(() => NOW, 'Asia/Shanghai');
  stop = store.getState().start(db);
  const links = { openConsole: vi.fn(), openOptions: vi.fn(), openDashboard: vi.fn(), orderListUrl: ORDER_LIST_URL, detailUrl };
  render(<PopupScreen store={store} db={db} openFailure={null} lang="zh" service="console_only" links={links} />);
  await waitFor(() => expect(screen.queryAllByTestId('popup-row')).toHaveLength(2));
});
afterEach(() => {
  cleanup();
  stop();
  db.close();
});

const rowSns = () => screen.queryAllByTestId('popup-row').map((row) => row.dataset.orderSn);

test('only with a kind chosen; an hour or 明早 9:00 mutes that kind, the rows stay, 撤销 unmutes it', async () => {
  expect(screen.queryByTestId('kind-snooze')).toBeNull();
  const chip = await waitFor(() => {
    const found = document.querySelector<HTMLButtonElement>('.kind-chip[data-kind="ship_by"]');
    expect(found).not.toBeNull();
    return found!;
  });
  fireEvent.click(chip);
  const control = await screen.findByRole('group', { name: '「发货截止」此类稍后提醒' });
  fireEvent.click(within(control).getByRole('button', { name: '1 小时后' }));
  await waitFor(async () => expect((await mutesItem.getValue()).kinds).toEqual({ ship_by: NOW + HOUR }));
  expect(screen.getByTestId('kind-snooze').textContent).toMatch(/^「发货截止」的提醒暂停至 .*11:00/);
  // Only the notifications wait: the orders are still listed, and no order was snoozed.
  expect(rowSns()).toEqual([A, B]);
  expect((await mutesItem.getValue()).orders).toEqual({});

  fireEvent.click(screen.getByRole('button', { name: '恢复「发货截止」的提醒' }));
  await waitFor(async () => expect((await mutesItem.getValue()).kinds).toEqual({}));
  fireEvent.click(within(await screen.findByRole('group', { name: '「发货截止」此类稍后提醒' })).getByRole('button', { name: '明早 9:00' }));
  await waitFor(async () => expect((await mutesItem.getValue()).kinds).toEqual({ ship_by: Date.parse('2026-11-21T09:00:00+08:00') }));

  // Back to 全部: no kind, no control.
  fireEvent.click(document.querySelector<HTMLButtonElement>('.kind-chip[data-kind="all"]')!);
  await waitFor(() => expect(screen.queryByTestId('kind-snooze')).toBeNull());
});
