// CSV exports for the merchant: the at-risk list (what to act on now) and the full history (how every
// order got where it is). Times are Shanghai wall time, as in the console.
import { Dexie } from 'dexie';
import { queryAtRisk } from '../db/at-risk';
import { dueTimeOf, openFindingsOf, type StoredOrder } from '../db/records';
import { prefixRange, type SentinelDb } from '../db/schema';
import { KIND_LABELS } from '../findings/registry';
import { SEVERITY_LABELS, SEVERITY_RANK, type Severity } from '../findings/severity';
import { buildTimeline, trackingNumbersOf, type TimelineEntry } from '../timeline/order-timeline';
import { asIdentifier, csvDocument, type CsvCell } from './csv';
import { shanghaiDateTime } from '../time/shanghai';

const AT_RISK_HEADER = [
  '店铺ID',
  '订单号',
  '最高风险',
  '最近截止时间',
  '问题',
  '问题代码',
  '订单状态',
  '商品',
  '商品ID',
  '运单号',
  '快递',
  '承诺发货时间',
  '发货时间',
  '首次发现',
  '最近一次看到',
] as const;

/** Every order with an open finding at `minSeverity` or worse, most urgent first (the popup's order). */
export async function exportAtRiskCsv(
  db: SentinelDb,
  shopId: string | null,
  minSeverity: Severity = 'warn',
): Promise<string> {
  const orders = await queryAtRisk(db, shopId, Infinity, minSeverity);
  return csvDocument(AT_RISK_HEADER, orders.map((order) => atRiskRow(order, minSeverity)));
}

function atRiskRow(order: StoredOrder, minSeverity: Severity): CsvCell[] {
  const open = openFindingsOf(order).filter((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[minSeverity]);
  const worst = open[0]?.severity;
  const problems = open.map((finding) => {
    const due = finding.dueAt === null ? '' : ` 截止 ${shanghaiDateTime(finding.dueAt)}`;
    return `${KIND_LABELS[finding.kind].zh}（${SEVERITY_LABELS[finding.severity].zh}${due}）`;
  });
  const due = dueTimeOf(order);
  return [
    asIdentifier(order.shopId),
    asIdentifier(order.orderSn),
    worst === undefined ? null : SEVERITY_LABELS[worst].zh,
    due === null ? null : shanghaiDateTime(due),
    problems.join('；'),
    open.map((finding) => `${finding.kind}:${finding.severity}`).join(' '),
    order.facts.statusText,
    order.facts.goodsName,
    asIdentifier(order.goodsId),
    asIdentifier(order.trackingNumber),
    order.facts.courierName,
    shanghaiDateTime(order.facts.promiseShipAt),
    shanghaiDateTime(order.facts.shippedAt),
    shanghaiDateTime(order.firstSeenAt),
    shanghaiDateTime(order.lastSeenAt),
  ];
}

const HISTORY_HEADER = ['时间', '店铺ID', '订单号', '类型', '类型代码', '项目', '原值', '新值', '说明'] as const;

const ENTRY_ZH: Readonly<Record<TimelineEntry['type'], string>> = {
  first_seen: '首次看到订单',
  change: '订单变化',
  tracking_event: '物流轨迹',
  finding_opened: '发现问题',
  finding_closed: '问题解除',
  notification: '已发送通知',
};

/** How many orders are read per step: the export never holds the worker in one long transaction. */
const HISTORY_BATCH = 500;

/** Every order's timeline, order by order (orders in key order, each in time order). */
export async function exportHistoryCsv(db: SentinelDb, shopId: string | null): Promise<string> {
  const rows: CsvCell[][] = [];
  const [first, last] = shopId === null ? [Dexie.minKey, Dexie.maxKey] : prefixRange([shopId]);
  let after: [string, string] | null = null;
  for (;;) {
    // Key-order paging: each batch starts after the last key of the previous one.
    const batch: StoredOrder[] = await db.orders
      .where(':id')
      .between(after ?? first, last, after === null, true)
      .limit(HISTORY_BATCH)
      .toArray();
    for (const order of batch) rows.push(...(await historyRows(db, order)));
    if (batch.length < HISTORY_BATCH) break;
    const lastOrder: StoredOrder = batch[batch.length - 1]!;
    after = [lastOrder.shopId, lastOrder.orderSn];
  }
  return csvDocument(HISTORY_HEADER, rows);
}

async function historyRows(db: SentinelDb, order: StoredOrder): Promise<CsvCell[][]> {
  const key: [string, string] = [order.shopId, order.orderSn];
  const [changes, notifications] = await Promise.all([
    db.changes.where(':id').between(...prefixRange(key)).toArray(),
    db.notifications.where('[shopId+orderSn]').equals(key).toArray(),
  ]);
  const events = (
    await Promise.all(
      [...trackingNumbersOf(order, changes)].map((trackingNumber) =>
        db.trackingEvents.where(':id').between(...prefixRange([order.shopId, trackingNumber])).toArray(),
      ),
    )
  ).flat();
  return buildTimeline(order, changes, events, notifications).map((entry) => historyRow(order, entry));
}

function historyRow(order: StoredOrder, entry: TimelineEntry): CsvCell[] {
  const base: CsvCell[] = [shanghaiDateTime(entry.at), asIdentifier(order.shopId), asIdentifier(order.orderSn), ENTRY_ZH[entry.type], entry.type];
  switch (entry.type) {
    case 'first_seen':
      return [...base, '订单状态', null, entry.statusText, `来源 ${entry.source}`];
    case 'change':
      return [...base, entry.field, timeAware(entry.field, entry.from), timeAware(entry.field, entry.to), `来源 ${entry.source}`];
    case 'tracking_event':
      return [...base, entry.trackingNumber, null, entry.text, [entry.status, entry.area].filter(Boolean).join(' ')];
    case 'finding_opened':
      return [
        ...base,
        `${KIND_LABELS[entry.kind].zh} ${entry.kind}`,
        null,
        SEVERITY_LABELS[entry.severity].zh,
        `规则 ${entry.rule}${entry.dueAt === null ? '' : `，截止 ${shanghaiDateTime(entry.dueAt)}`}`,
      ];
    case 'finding_closed':
      return [...base, `${KIND_LABELS[entry.kind].zh} ${entry.kind}`, SEVERITY_LABELS[entry.severity].zh, null, `开始于 ${shanghaiDateTime(entry.openedAt)}`];
    case 'notification':
      return [...base, entry.kind === null ? null : `${KIND_LABELS[entry.kind].zh} ${entry.kind}`, null, entry.title, entry.body];
  }
}

/** Fact changes of time fields (epoch ms) are written as times; other values as they are. */
function timeAware(field: string, value: CsvCell): CsvCell {
  return typeof value === 'number' && /At$|Time$/.test(field) ? shanghaiDateTime(value) : value;
}
