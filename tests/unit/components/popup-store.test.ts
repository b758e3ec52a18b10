import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, expect, test, vi } from 'vitest';
import { createPopupStore, PAGE_SIZE, type PopupStore } from '@/components/popup-store';
import { DEFAULT_POLICY } from '@/lib/findings/policy';
import { ingestCapture } from '@/lib/ingest/ingest-capture';
import { mutesItem } from '@/lib/notifications/mutes-item';
import { HOUR, NOW, freshDb, listCapture, orderRow } from '../db/helpers';

// The popup's store without its view: what it reads follows the chip, the page size, the mutes and its clock.

let now: number;
let store: PopupStore;

beforeEach(() => {
  fakeBrowser.reset();
  now = NOW;
});

const shown = () => store.getState().data?.view.rows.map((row) => row.order.orderSn) ?? [];

async function started(): Promise<() => void> {
  const db = await freshDb();
  // Two unshipped orders due in 1 h and 3 h (critical and warn), captured now.
  await ingestCapture(
    db,
    listCapture([orderRow('261120-000000000000001', { promise_shipping_time: (NOW + HOUR) / 1000 }), orderRow('261120-000000000000002', { promise_shipping_time: (NOW + 3 * HOUR) / 1000 })]),
    NOW,
    DEFAULT_POLICY,
  );
  store = createPopupStore(() => now);
  const stop = store.getState().start(db);
  await vi.waitFor(() => expect(store.getState().phase).toBe('ready'));
  await vi.waitFor(() => expect(store.getState().counts).not.toBeNull());
  return stop;
}

test('the chip toggles, a new filter starts from the first page, 显示更多 adds a page', async () => {
  const stop = await started();
  expect(shown()).toEqual(['261120-000000000000001', '261120-000000000000002']);
  store.getState().showMore();
  expect(store.getState().limit).toBe(2 * PAGE_SIZE);
  store.getState().setKind('ship_by');
  expect(store.getState()).toMatchObject({ kind: 'ship_by', limit: PAGE_SIZE });
  store.getState().setKind('ship_by');
  expect(store.getState().kind).toBeNull();
  store.getState().setKind('rejected');
  await vi.waitFor(() => expect(shown()).toEqual([]));
  store.getState().toggleMuted();
  expect(store.getState().mutedOpen).toBe(true);
  stop();
});

test('a snooze moves its order out and stores it; the one timer brings it back when it runs out', async () => {
  const stop = await started();
  const order = store.getState().data!.view.rows[0]!.order;
  await store.getState().snooze(order);
  await vi.waitFor(() => expect(shown()).not.toContain(order.orderSn));
  expect((await mutesItem.getValue()).orders).toEqual({ [`${order.shopId}|${order.orderSn}`]: NOW + HOUR });
  await vi.waitFor(() => expect(store.getState().data!.view.muted.map((row) => row.order.orderSn)).toEqual([order.orderSn]));
  expect(store.getState().counts!.listed).toBe(1);

  now = NOW + HOUR - 1;
  store.getState().tick();
  expect(store.getState().now).toBe(now);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(shown()).not.toContain(order.orderSn);
  now = NOW + HOUR;
  store.getState().tick();
  await vi.waitFor(() => expect(shown()).toContain(order.orderSn));
  stop();
});

test('only the latest read is shown: a chip changed while a read runs wins, and a stopped store shows nothing more', async () => {
  const stop = await started();
  // Two reads started in one go: the first answers after the second started, and must not be shown.
  store.getState().setKind('rejected');
  store.getState().setKind('ship_by');
  await vi.waitFor(() => expect(store.getState().data!.view.rows.length).toBe(2));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(shown()).toEqual(['261120-000000000000001', '261120-000000000000002']);
  // A read started, then the store stopped before it answered: its answer goes nowhere.
  store.getState().setKind('rejected');
  stop();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(shown()).toEqual(['261120-000000000000001', '261120-000000000000002']);
});

test('a change stored in the background after the first read shows without a new read being asked for', async () => {
  const db = await freshDb();
  await ingestCapture(db, listCapture([orderRow('261120-000000000000001', { promise_shipping_time: (NOW + HOUR) / 1000 })]), NOW, DEFAULT_POLICY);
  store = createPopupStore(() => now);
  const stop = store.getState().start(db);
  await vi.waitFor(() => expect(shown()).toEqual(['261120-000000000000001']));
  await ingestCapture(db, listCapture([orderRow('261120-000000000000009', { promise_shipping_time: (NOW + 2 * HOUR) / 1000 })], NOW + 60_000), NOW + 60_000, DEFAULT_POLICY);
  await vi.waitFor(() => expect(shown()).toEqual(['261120-000000000000001', '261120-000000000000009']));
  stop();
});
