// The test's own oracle for the clock badges, worked out from the synthetic shop's raw rows with the
// platform rules as the shared notes state them (not with the extension's code), so that e2e tests can
// say whether a card shows the right clock with the right time left.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ExpectedBadge {
  kind: 'ship_by' | 'pickup_by' | 'after_sale_reply_by';
  dueAt: number;
  warnHours: number;
  criticalHours: number;
  /**
   * No courier trace read (no query service, no logistics opened): whether the pickup scan exists is
   * unknown, so the countdown stays at info marked 未核实 and, past due, a warn chip 揽收未核实.
   */
  unverified?: true;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null);

/**
 * ship_by for unshipped open orders; pickup_by for shipped open orders not yet received. The e2e shop has
 * no query service configured and no trace is opened, so every pickup clock is unverified.
 */
export function expectedOrderClock(row: Record<string, unknown>): ExpectedBadge | null {
  const status = typeof row.order_status_str === 'string' ? row.order_status_str : '';
  const refunded = status.includes('退款成功') || row.after_sales_status === 5;
  const closed = refunded || status.startsWith('已取消') || status.startsWith('未成交') || status.startsWith('待支付');
  if (closed) return null;
  const shippedAt = num(row.shipping_time);
  if (shippedAt === null) {
    if (!status.startsWith('待发货') || row.no_need_ship === 1 || row.no_need_ship === true) return null;
    const promise = num(row.promise_shipping_time);
    const dealAt = num(row.order_time) ?? num(row.confirm_time);
    const dueAt = promise !== null ? promise * 1000 : dealAt !== null ? dealAt * 1000 + 48 * HOUR : null;
    return dueAt === null ? null : { kind: 'ship_by', dueAt, warnHours: 12, criticalHours: 2 };
  }
  const received = status.startsWith('已签收') || status.startsWith('已收货');
  const noLogistics = [row.no_need_ship, row.no_trace_delivery, row.self_contained].some((flag) => flag === 1 || flag === true);
  const dueAt = shippedAt * 1000 + 24 * HOUR;
  if (received || noLogistics) return null;
  return { kind: 'pickup_by', dueAt, warnHours: 12, criticalHours: 4, unverified: true };
}

/** Remaining time as the badge words it, in Chinese: 2天3时, 5时12分, 12分05秒. */
export function countdownZh(ms: number): string {
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60_000);
  if (abs < HOUR) return `${minutes}分${String(Math.floor((abs % 60_000) / 1000)).padStart(2, '0')}秒`;
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  return days > 0 ? `${days}天${hours}时` : `${hours}时${minutes % 60}分`;
}

const WORD: Record<ExpectedBadge['kind'], string> = { ship_by: '发货', pickup_by: '揽收', after_sale_reply_by: '售后' };

/** Texts the badge may show at `now`, allowing for the tick that has not run yet (at most a minute). */
export function acceptableTexts(badge: ExpectedBadge, now: number): Set<string> {
  const texts = new Set<string>();
  for (let lag = 0; lag <= 61_000; lag += 1000) {
    const left = badge.dueAt - (now - lag);
    const countdown = `${WORD[badge.kind]} ${left >= 0 ? '剩' : '超'} ${countdownZh(left)}`;
    texts.add(badge.unverified !== true ? countdown : left >= 0 ? `${countdown} · 未核实` : '揽收未核实');
  }
  return texts;
}

export function expectedSeverity(badge: ExpectedBadge, now: number): string {
  const left = badge.dueAt - now;
  if (badge.unverified === true) return left < 0 ? 'warn' : 'info';
  if (left < 0) return 'breached';
  if (left <= badge.criticalHours * HOUR) return 'critical';
  if (left <= badge.warnHours * HOUR) return 'warn';
  return 'info';
}
