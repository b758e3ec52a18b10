// The words of desktop notifications, Chinese first. Apart from lib/i18n/messages.ts because they are built
// with counts, order numbers and times by the pure planner, not looked up by a page.
import { KIND_LABELS, type FindingKind } from '../findings/registry';
import type { Lang } from '../time/shanghai';
import type { LeadTimeKind } from './types';

/** Hours as the title says them: 1 → "1", 1.5 → "1.5", 0.25 → "0.25". */
export function hoursText(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/** "3 个订单 1 小时内需发货" / "3 orders to ship within 1 h". */
export function leadLine(kind: LeadTimeKind, count: number, hours: number, lang: Lang): string {
  const h = hoursText(hours);
  if (lang === 'zh') {
    if (kind === 'ship_by') return `${count} 个订单 ${h} 小时内需发货`;
    if (kind === 'pickup_by') return `${count} 个包裹 ${h} 小时内需揽收`;
    return `${count} 个售后 ${h} 小时内需处理`;
  }
  if (kind === 'ship_by') return `${count} ${count === 1 ? 'order' : 'orders'} to ship within ${h} h`;
  if (kind === 'pickup_by') return `${count} ${count === 1 ? 'parcel' : 'parcels'} to be picked up within ${h} h`;
  return `${count} after-sales ${count === 1 ? 'case' : 'cases'} to answer within ${h} h`;
}

/** One order's lead-time title: "订单 2611…01 1 小时内需发货". */
export function singleLeadTitle(kind: LeadTimeKind, orderSn: string, hours: number, lang: Lang): string {
  const h = hoursText(hours);
  if (lang === 'zh') {
    if (kind === 'ship_by') return `订单 ${orderSn} ${h} 小时内需发货`;
    if (kind === 'pickup_by') return `订单 ${orderSn} ${h} 小时内需揽收`;
    return `订单 ${orderSn} 的售后 ${h} 小时内需处理`;
  }
  if (kind === 'ship_by') return `Order ${orderSn}: ship within ${h} h`;
  if (kind === 'pickup_by') return `Order ${orderSn}: pickup scan due within ${h} h`;
  return `Order ${orderSn}: answer the after-sales case within ${h} h`;
}

export function dueLine(dueText: string, remainingText: string, lang: Lang): string {
  return lang === 'zh' ? `截止 ${dueText}（剩 ${remainingText}）` : `Due ${dueText} (${remainingText} left)`;
}

export function anomalyTitle(kind: FindingKind, orderSn: string, lang: Lang): string {
  const label = KIND_LABELS[kind][lang];
  return lang === 'zh' ? `${label}：订单 ${orderSn}` : `${label}: order ${orderSn}`;
}

export function anomalyBody(lang: Lang): string {
  return lang === 'zh' ? '请尽快在后台处理该订单。' : 'Deal with this order in the console soon.';
}

/** "2 个订单出现异常：拒收、退回" */
export function anomalyLine(count: number, labels: readonly string[], lang: Lang): string {
  return lang === 'zh' ? `${count} 个异常：${labels.join('、')}` : `${count} ${count === 1 ? 'anomaly' : 'anomalies'}: ${labels.join(', ')}`;
}

export function digestTitle(count: number, lang: Lang): string {
  return lang === 'zh' ? `${count} 项订单提醒` : `${count} order reminders`;
}

export function ordersLine(orderSns: readonly string[], lang: Lang): string {
  return lang === 'zh' ? `订单：${orderSns.join('、')}` : `Orders: ${orderSns.join(', ')}`;
}

export function overdueLine(count: number, lang: Lang): string {
  return lang === 'zh' ? `${count} 项已超过截止时间` : `${count} already past their deadline`;
}

export function quietSummaryTitle(count: number, lang: Lang): string {
  return lang === 'zh' ? `免打扰期间的 ${count} 项提醒` : `${count} reminders held during quiet hours`;
}

export function catchUpTitle(count: number, lang: Lang): string {
  return lang === 'zh' ? `离开期间的 ${count} 项提醒` : `${count} reminders while the computer was asleep`;
}

/** `N 个包裹揽收未核实`: a notification's title, and a line of a summary. */
export function unverifiedCount(count: number, lang: Lang): string {
  return lang === 'zh' ? `${count} 个包裹揽收未核实` : `${count} ${count === 1 ? 'parcel' : 'parcels'} with pickup not verified`;
}

export function unverifiedBody(lang: Lang): string {
  return lang === 'zh'
    ? '尚未读取到这些包裹的物流轨迹，无法确认是否已揽收。请在设置中选择查询服务，或在后台打开订单物流。'
    : 'No trace of these parcels has been read, so whether the courier scanned them is unknown. Choose a tracking service in the options, or open the orders’ logistics in the console.';
}

export function shopTitle(shopName: string, title: string, lang: Lang): string {
  return lang === 'zh' ? `【${shopName}】${title}` : `[${shopName}] ${title}`;
}
