import type { FindingKind } from '../findings/registry';
import type { Severity } from '../findings/severity';
export type LeadTimeKind = 'ship_by' | 'pickup_by' | 'after_sale_reply_by';
export type NotifyAnomalyKind = 'rejected' | 'returning' | 'intercept_parcel' | 'duplicate_tracking' | 'tracking_invalid' | 'timeout_auto_refund';
export interface NotificationSettings {
  enabled: boolean;
  /** Hours before the deadline, per clock kind, largest first. Defaults ship_by [4, 1], pickup_by [8, 2], after_sale_reply_by [6, 1]. */
  leadHours: Record<LeadTimeKind, number[]>;
  /** Which critical anomalies notify the moment they open (all true by default). */
  anomalies: Record<NotifyAnomalyKind, boolean>;
  /** Local wall-clock 'HH:MM' in the merchant's time zone; null = no quiet hours. Default null. */
  quietHours: { start: string; end: string } | null;
  digest: boolean;   // default true
  sound: boolean;    // default false (requireInteraction/silent)
}
/** One open finding as the planner sees it. */
export interface PlanFinding {
  shopId: string; orderSn: string; kind: FindingKind; severity: Severity;
  dueAt: number | null; openedAt: number;
  /** pickup_by only: a trace was read (false: unverified, summed up once, never one by one). */
  verified: boolean;
}
export interface Mutes {
  /** `${shopId}|${orderSn}` → snoozed until (epoch ms). */
  orders: Record<string, number>;
  /** kind → snoozed until. */
  kinds: Partial<Record<FindingKind, number>>;
  /** `${shopId}|${orderSn}` marked 已处理 at (epoch ms): no notification for findings opened before that time. */
  handled: Record<string, number>;
}
export interface SentEntry { shopId: string; key: string; sentAt: number }
export interface PlannedNotification {
  /** Dedupe key, stable across restarts: e.g. `lead:ship_by:4:<orderSn>`, `anomaly:rejected:<orderSn>:<openedAt>`, `digest:<minute>:<keys hash>`, `quiet-summary:<end time>`, `catch-up:<now minute>`, `unverified:<day>`. */
  key: string;
  shopId: string;
  /** Every item key this notification covers (a digest covers several): all of them are logged as sent. */
  covers: string[];
  orderSns: string[];
  kind: FindingKind | 'digest' | 'summary';
  severity: Severity;
  title: string;   // zh first; includes the shop name when several shops are held
  body: string;
}
export interface PlanInput {
  now: number;
  findings: readonly PlanFinding[];
  settings: NotificationSettings;
  /** What was already sent (the log is the memory): item keys and notification keys. */
  sent: readonly SentEntry[];
  mutes: Mutes;
  /** When the planner last ran (persisted); null on first run. A gap > 10 min = the computer slept: one catch-up summary. */
  lastRunAt: number | null;
  timeZone: string;            // the merchant's (Intl) time zone, for quiet hours
  shopNames: Record<string, string>; // shopId → name; titles name the shop when > 1 shop
  lang: 'zh' | 'en';
}
export interface Plan { show: PlannedNotification[]; nextDueAt: number | null }
