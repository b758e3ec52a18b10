// What the background notifier hands the planner and what it keeps of the planner's answer, without a
// browser: the planner's view of a stored order, the notification settings, the log rows of one planned notification and the ids the browser's notifications carry.
import type { FindingRecord, StoredNotification, StoredOrder } from '../db/records';
import { isFindingKind, type FindingKind } from '../findings/registry';
import { t } from '../i18n/messages';
import type { Settings } from '../settings/settings';
import type { Lang } from '../time/shanghai';
import { LEAD_TIME_KINDS, NOTIFY_ANOMALY_KINDS } from '../settings/notification-settings';
import type { NotificationSettings, PlanFinding, PlannedNotification, SentEntry } from './types';

/** The only kinds the planner ever notifies about: the notifier reads no other finding. */
export const PLANNED_KINDS: readonly FindingKind[] = [...LEAD_TIME_KINDS, ...NOTIFY_ANOMALY_KINDS];
const PLANNED: ReadonlySet<FindingKind> = new Set(PLANNED_KINDS);

/** The one place the notifier reads its settings (parsed: each bad stored value is its default). */
export function notificationSettingsOf(settings: Settings): NotificationSettings {
  return settings.notifications;
}

/** The open findings of an order that the planner looks at (lead-time clocks and the critical anomalies). */
export function planFindingsOf(order: Pick<StoredOrder, 'shopId' | 'orderSn' | 'findings'>): PlanFinding[] {
  const result: PlanFinding[] = [];
  for (const record of order.findings) {
    if (record.closedAt !== null || !PLANNED.has(record.kind)) continue;
    result.push({
      shopId: order.shopId,
      orderSn: order.orderSn,
      kind: record.kind,
      severity: record.severity,
      dueAt: record.dueAt,
      openedAt: record.openedAt,
      verified: verifiedOf(record),
    });
  }
  return result;
}

function verifiedOf(record: FindingRecord): boolean {
  return record.kind === 'pickup_by' ? record.basis.verified : true;
}

/**
 * The log rows of one planned notification, all written before it is shown: one row for the notification
 * itself (with every order it names, which a click opens) and one per item key it covers, each on its order
 * when the key names one of the notification's orders (so the order's history shows it and retention
 * removes it with the order). A key that is both is one row.
 */
export function logRowsOf(planned: PlannedNotification, sentAt: number): StoredNotification[] {
  const kind = isFindingKind(planned.kind) ? planned.kind : null;
  const base = { shopId: planned.shopId, sentAt, kind, severity: planned.severity, title: planned.title, body: planned.body };
  const rows = new Map<string, StoredNotification>();
  for (const key of planned.covers) rows.set(key, { ...base, key, orderSn: orderSnOfKey(key, planned.orderSns) });
  const own = rows.get(planned.key);
  rows.set(planned.key, {
    ...base,
    key: planned.key,
    orderSn: planned.orderSns.length === 1 ? planned.orderSns[0]! : (own?.orderSn ?? null),
    orderSns: [...planned.orderSns],
  });
  return [...rows.values()];
}

/** The order an item key is about: the notification's only order, else the longest of its orders the key contains. */
function orderSnOfKey(key: string, orderSns: readonly string[]): string | null {
  if (orderSns.length === 1) return orderSns[0]!;
  let best: string | null = null;
  for (const orderSn of orderSns) if (key.includes(orderSn) && (best === null || orderSn.length > best.length)) best = orderSn;
  return best;
}

export function sentEntriesOf(rows: readonly Pick<StoredNotification, 'shopId' | 'key' | 'sentAt'>[]): SentEntry[] {
  return rows.map(({ shopId, key, sentAt }) => ({ shopId, key, sentAt }));
}

/** 稍后提醒 snoozes a notification's orders this long. */
export const SNOOZE_MS = 60 * 60_000;

/** What `notifications.create` is given for one planned notification (the basic type, the only one every browser has). */
export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
  requireInteraction?: boolean;
  silent?: boolean;
  priority?: number;
}

/**
 * Buttons 查看订单 / 稍后提醒 where the browser has them (not Firefox); with sound off a notification is
 * silent, with sound on an urgent one (critical or breached) also stays until the merchant answers it.
 */
export function notificationOptionsOf(
  planned: PlannedNotification,
  settings: Pick<NotificationSettings, 'sound'>,
  lang: Lang,
  iconUrl: string,
  chromeFeatures: boolean,
): NotificationOptions {
  const options: NotificationOptions = { type: 'basic', iconUrl, title: planned.title, message: planned.body };
  if (!chromeFeatures) return options;
  const urgent = planned.severity === 'critical' || planned.severity === 'breached';
  return {
    ...options,
    buttons: [{ title: t('notificationView', lang) }, { title: t('notificationSnooze', lang) }],
    requireInteraction: settings.sound && urgent,
    silent: !settings.sound,
    priority: urgent ? 2 : 0,
  };
}

const ID_SEPARATOR = '|';

/** The browser notification's id: the shop and the planner's key, so a click finds the log row even after a restart. */
export function notificationIdOf(shopId: string, key: string): string {
  return `${shopId}${ID_SEPARATOR}${key}`;
}

export function parseNotificationId(id: string): { shopId: string; key: string } | null {
  const at = id.indexOf(ID_SEPARATOR);
  if (at <= 0 || at === id.length - 1) return null;
  return { shopId: id.slice(0, at), key: id.slice(at + 1) };
}

/** The browser's UI language where there is a `navigator` (every extension context; not every Node). */
export function browserLanguage(): string {
  return (globalThis as { navigator?: { language?: string } }).navigator?.language ?? 'zh-CN';
}
