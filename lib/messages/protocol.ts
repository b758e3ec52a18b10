// The one message protocol between content scripts, extension pages and the background. Messages carry
// facts and ids, never HTML. The messenger is @webext-core/messaging's (a typed wrapper over runtime
// messaging): defining it is this file's only tie to the browser, and nothing here runs until called.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Capture } from '../capture/capture';
import type { OrderFacts, TrackingProvider, TrackingStatus } from '../facts/facts';
import type { Finding } from '../findings/registry';
import type { PlainMessage, QueryProvider } from '../tracking/provider';

/** What a badge needs to know about one order on screen. */
export interface OrderView {
  orderSn: string;
  promiseShipAt: number | null;
  shippedAt: number | null;
  state: OrderFacts['state'];
  findings: Finding[];
  /** The parcel's merged trace, null while none has been read. */
  trace: OrderTrace | null;
  /** The parcel waits for the merchant before it can be queried: a phone tail (顺丰/中通), or a courier the service knows. */
  waitingFor: 'phone_tail' | 'courier' | null;
}

/** What the badge explanation shows of a parcel's trace: where it came from, when, and its newest events. */
export interface OrderTrace {
  provider: TrackingProvider;
  checkedAt: number;
  status: TrackingStatus;
  /** The newest events, newest first (at most three). */
  events: Array<{ at: number; text: string; area: string | null }>;
}

/** Background → console tabs: orders whose findings or trace changed elsewhere (a poll, another tab's capture). */
export interface OrdersChanged {
  shopId: string;
  orders: OrderView[];
}

/**
 * The content script's own view of whether it can read the console, and how many rows of its latest
 * captures (one per endpoint) could not be read and were skipped.
 */
export type PageHealth =
  | { state: 'ok'; matchedCards: number; capturedOrders: number; skippedRows: number }
  | { state: 'no_capture' | 'unmatched'; matchedCards: number; capturedOrders: number; skippedRows: number };

export interface PageHealthReport {
  shopId: string | null;
  url: string;
  health: PageHealth;
}

export type CaptureReply =
  | {
      ok: true;
      shopId: string;
      orders: OrderView[];
      /** Rows of the capture that could not be read and were skipped (a repeated row included). */
      skippedRows: number;
      /** Why, for the first few of them (`[3] shipping_time: …`): the page notice shows them on hover. */
      skippedReasons: string[];
      /** 'received' when the page's capture time was off the worker's clock and the receive time was used. */
      capturedAtSource: 'page' | 'received';
    }
  | { ok: false; error: string };

/** The answer to 测试连接: whether the provider accepted the account, in words for the merchant. */
export interface ConnectionTestReply {
  ok: boolean;
  message: PlainMessage;
}

/** The answer to 发送测试通知: whether the browser took the notification, in words for the merchant. */
export type TestNotificationReply = { ok: true; notificationId: string; message: PlainMessage } | { ok: false; message: PlainMessage };

interface ProtocolMap {
  /** Content script → background: a console response read by the page hook; answered with the badges' views. */
  capture(capture: Capture): CaptureReply;
  /** Content script → background: its self-diagnosis, kept for the popup and options banners. */
  pageHealth(report: PageHealthReport): void;
  /** Background → content script of every console tab: redraw these orders' badges (no reload). */
  ordersChanged(update: OrdersChanged): void;
  /** Options page → background: ask the provider once with the saved account (the page itself never calls a provider). */
  testTrackingConnection(request: { provider: QueryProvider }): ConnectionTestReply;
  /** Popup → background: a recent notification was clicked; it opens what a click on the notification itself opens. */
  openNotification(request: { shopId: string; key: string }): void;
  /** Options page → background: records were imported from a backup (or removed): the toolbar count is read again. */
  storedRecordsChanged(): void;
  /** Options page → background: show one desktop notification titled 订单哨兵 测试通知 (notifications are the worker's). */
  sendTestNotification(): TestNotificationReply;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
