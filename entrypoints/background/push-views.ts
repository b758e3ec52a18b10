import { orderViews } from '@/lib/badges/order-views';
import { CONSOLE_TABS } from '@/lib/console-tabs';
import { sendMessage, type OrderView } from '@/lib/messages/protocol';
import { browser } from 'wxt/browser';
import { database } from './database';

/**
 * Tells every open console tab that these orders changed (a poll's replies, another tab's capture), with
 * their new views, so their cards redraw without a reload. Returns how many tabs took the update.
 */
export async function pushOrderUpdates(shopId: string, orderSns: readonly string[]): Promise<number> {
  if (orderSns.length === 0) return 0;
  const db = await database();
  return sendOrderViews(shopId, await orderViews(db, shopId, orderSns));
}

/** Sends views already built to every console tab but `exceptTabId` (the tab whose capture they answer). */
export async function sendOrderViews(shopId: string, orders: OrderView[], exceptTabId: number | null = null): Promise<number> {
  if (orders.length === 0) return 0;
  const tabs = await browser.tabs.query({ url: CONSOLE_TABS });
  const sent = await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined || id === exceptTabId) return false;
      // A tab whose content script is not running (still loading, or left from before an update) has no
      // listener: it reads fresh views on its next capture, so the failure is expected and ignored.
      return sendMessage('ordersChanged', { shopId, orders }, id).then(
        () => true,
        () => false,
      );
    }),
  );
  return sent.filter(Boolean).length;
}
