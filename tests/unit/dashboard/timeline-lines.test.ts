// The timeline's change lines, from the changes order-update really records: every field it can record reads
// in the merchant's words, in both languages.
import { describe, expect, it } from 'vitest';
import { HIDDEN_FIELDS, timelineLine } from '../../../lib/dashboard/timeline-lines';
import { instantFormatter } from '../../../lib/explain/format-instant';
import { orderKnownOnlyByNumber, type OrderFacts } from '../../../lib/facts/facts';
import { planOrderUpdate, RECORDED_FIELDS } from '../../../lib/ingest/order-update';
import { buildTimeline } from '../../../lib/timeline/order-timeline';
import { sh } from '../findings/builders';

const SHOP = 'shop-1';
const AT = sh('2026-11-20 10:00:00');
const before: OrderFacts = {
  ...orderKnownOnlyByNumber('261120-000000000000001'),
  state: 'unshipped',
  statusText: '待发货',
  riskHold: true,
  shippingId: 0,
  orderAmountCents: 1990,
};
/** Every fact different from `before`. */
const after: OrderFacts = {
  orderSn: before.orderSn,
  state: 'shipped',
  refunded: true,
  statusText: '已发货，待收货',
  orderAt: sh('2026-11-19 09:30:00'),
  promiseShipAt: sh('2026-11-21 09:30:00'),
  shippedAt: sh('2026-11-20 08:00:00'),
  urgedAt: sh('2026-11-20 07:00:00'),
  receivedAt: sh('2026-11-22 12:00:00'),
  trackingNumber: 'ZT123',
  shippingId: 384,
  courierName: '中通快递',
  goodsId: '9001',
  goodsName: '保温杯',
  afterSalesStatus: 5,
  afterSalesId: 'AS1',
  riskHold: false,
  noLogistics: true,
  noNeedShip: true,
  shippingDelayAllowed: true,
  provinceName: '江苏省',
  cityName: '苏州市',
  receiverKey: 'r2',
  phoneTail: '1234',
  orderAmountCents: 1890,
};

function recordedChanges() {
  const created = planOrderUpdate(SHOP, undefined, before, AT - 1000, 'recentOrderList');
  if (created.kind !== 'new') throw new Error(created.kind);
  const changed = planOrderUpdate(SHOP, created.next, after, AT, 'recentOrderList');
  if (changed.kind !== 'changed') throw new Error(changed.kind);
  return { order: changed.next, changes: changed.changes };
}

describe('timelineLine, for an order change', () => {
  const { order, changes } = recordedChanges();
  const entries = buildTimeline(order, changes, [], []).filter((entry) => entry.type === 'change');

  it('is given a change for every field order-update records (the fixture changes them all)', () => {
    expect(changes.map((change) => change.field).sort()).toEqual([...RECORDED_FIELDS].sort());
  });

  it.each(['zh', 'en'] as const)('names every recorded field by its label, never by its code name (%s)', (lang) => {
    const format = instantFormatter(lang, 'Asia/Shanghai');
    for (const entry of entries) {
      const line = timelineLine(entry, lang, format);
      if (entry.type !== 'change' || HIDDEN_FIELDS.has(entry.field)) continue;
      expect(line, entry.field).not.toBeNull();
      const label = line!.detail.slice(0, line!.detail.indexOf(':'));
      expect(label, entry.field).not.toBe(entry.field);
      expect(label, entry.field).toMatch(lang === 'zh' ? /^\p{Script=Han}/u : /^[A-Z]/);
    }
  });

  it('shows amounts as yuan, times with the instant formatter, yes/no in words, and no courier id', () => {
    const format = instantFormatter('zh', 'Asia/Shanghai');
    const details = entries.map((entry) => timelineLine(entry, 'zh', format)?.detail ?? null);
    expect(details).toContain('订单金额: ¥19.90 → ¥18.90');
    expect(details).toContain(`成交时间: — → ${format(after.orderAt!)}`);
    expect(details).toContain('风控审核中: 是 → 否');
    // The console's after-sales codes in words; one its table does not name keeps its number, said to be one.
    expect(details).toContain('售后状态: — → 退款成功');
    const unnamed = { ...entries.find((entry) => entry.type === 'change' && entry.field === 'afterSalesStatus')!, from: 2, to: 11 } as (typeof entries)[number];
    expect(timelineLine(unnamed, 'zh', format)?.detail).toBe('售后状态: 状态码 2 → 待商家确认收货');
    expect(timelineLine(unnamed, 'en', format)?.detail).toBe('After-sales status: status code 2 → waiting for the merchant to confirm the return');
    expect(details).toContain('快递公司: — → 中通快递');
    // The internal courier id repeats the 快递公司 line: left out.
    expect(details.filter((detail) => detail === null)).toHaveLength(1);
    expect(details.some((detail) => detail?.includes('384'))).toBe(false);
    expect(timelineLine(entries.find((entry) => entry.type === 'change' && entry.field === 'shippingId')!, 'en', format)).toBeNull();
  });
});
