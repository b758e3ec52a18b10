// The pure steps of ingest: scrubbing courier texts, planning an order update, reconciling findings.
import { describe, expect, test } from 'vitest';
import { dueTimeOf, NO_DUE, noDuePlace, RISK_NONE, type FindingRecord } from '../../../lib/db/records';
import { mergeDetailFacts, planOrderUpdate } from '../../../lib/ingest/order-update';
import { findingOfRecord, reconcileFindings, riskOf } from '../../../lib/ingest/reconcile-findings';
import { scrubTrackingText } from '../../../lib/ingest/scrub-tracking';
import { textKey } from '../../../lib/ingest/text-key';
import { normalizeOrderRow } from '../../../lib/pdd/order-row';
import type { Finding, FindingKind } from '../../../lib/findings/registry';
import type { Severity } from '../../../lib/findings/severity';
import { HOUR, NOW, SHOP, orderRow, shippedRow } from '../db/helpers';

const factsOf = (row: Record<string, unknown>) => {
  const result = normalizeOrderRow(row);
  if (!result.ok) throw new Error(result.error);
  return result.facts;
};

describe('scrubTrackingText', () => {
  test.each([
    ['已签收，签收人：王小明', '已签收，签收人：***'],
    ['收件人 李四 已取件', '收件人 *** 已取件'],
    ['派送员电话13812345678，请保持电话畅通', '派送员电话***，请保持电话畅通'],
    ['联系 +86 139-1234-5678', '联系 ***'],
    ['买家 138****5678 未接听', '买家 *** 未接听'],
    ['门店电话 0571-88886666', '门店电话 ***'],
  ])('%s', (input, expected) => {
    expect(scrubTrackingText(input)).toBe(expected);
  });

  test.each([
    '已签收，签收人：本人',
    '已签收，签收人：菜鸟驿站',
    '快件已到达【测试驿站】，取件码 5-2-3001',
    '运单 773123456789012 已发往 上海转运中心',
    '客户拒收，快件退回',
  ])('keeps what the rules read: %s', (text) => {
    expect(scrubTrackingText(text)).toBe(text);
  });
});

describe('textKey', () => {
  test('is stable across spacing and different for different texts', () => {
    expect(textKey('已揽收  杭州')).toBe(textKey(' 已揽收 杭州 '));
    expect(textKey('已揽收 杭州')).not.toBe(textKey('已揽收 上海'));
    expect(textKey('x')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('planOrderUpdate', () => {
  const unshipped = factsOf(orderRow('A'));
  const shipped = factsOf(shippedRow('A', 'YT1', 1));

  test('new, unchanged, seen later, changed, stale', () => {
    const created = planOrderUpdate(SHOP, undefined, unshipped, NOW, 'recentOrderList');
    expect(created.kind).toBe('new');
    if (created.kind !== 'new') return;
    expect(created.changes).toEqual([]);
    expect(created.next).toMatchObject({ riskRank: RISK_NONE, nextDueAt: noDuePlace(unshipped.orderAmountCents), closedAt: null, firstStatusText: '待发货' });

    expect(planOrderUpdate(SHOP, created.next, unshipped, NOW, 'recentOrderList').kind).toBe('unchanged');
    expect(planOrderUpdate(SHOP, created.next, unshipped, NOW + 1, 'recentOrderList')).toMatchObject({ kind: 'seen', next: { lastSeenAt: NOW + 1 } });
    expect(planOrderUpdate(SHOP, created.next, shipped, NOW - 1, 'recentOrderList').kind).toBe('stale');

    const changed = planOrderUpdate(SHOP, created.next, shipped, NOW + HOUR, 'recentOrderList');
    expect(changed.kind).toBe('changed');
    if (changed.kind !== 'changed') return;
    expect(changed.changes.map((change) => change.field).sort()).toEqual(['shippedAt', 'state', 'statusText', 'trackingNumber']);
    expect(changed.changes.every((change) => change.at === NOW + HOUR && change.source === 'recentOrderList')).toBe(true);
  });

  test('a closed order records when it was last seen closed', () => {
    const received = factsOf(shippedRow('A', 'YT1', 100, { order_status_str: '已签收' }));
    const first = planOrderUpdate(SHOP, undefined, received, NOW, 'recentOrderList');
    expect(first.kind === 'new' && first.next.closedAt).toBe(NOW);
    if (first.kind !== 'new') return;
    const again = planOrderUpdate(SHOP, first.next, received, NOW + HOUR, 'recentOrderList');
    expect(again.kind === 'seen' && again.next.closedAt).toBe(NOW + HOUR);
  });

  test('detail nulls keep stored values; detail values win', () => {
    const detail = { ...shipped, trackingNumber: null, goodsName: null, receivedAt: NOW };
    expect(mergeDetailFacts(shipped, detail)).toMatchObject({ trackingNumber: 'YT1', goodsName: '测试商品', receivedAt: NOW });
  });
});

describe('reconcileFindings', () => {
  // Reconciling reads kinds, severities, due times and flat bases, whatever the kind: hand-written findings.
  const finding = (kind: FindingKind, severity: Severity, basis: Record<string, number> = {}, dueAt?: number): Finding =>
    ({ orderSn: 'A', kind, severity, rule: 'R1', basis, ...(dueAt === undefined ? {} : { dueAt }) }) as unknown as Finding;
  const history = { shopId: SHOP, orderSn: 'A' };

  test('opens, keeps, escalates and closes; an unchanged evaluation is not a change', () => {
    const first = reconcileFindings([], [finding('ship_by', 'info', {}, NOW + 20 * HOUR), finding('risk_hold', 'info')], NOW, history);
    expect(first).toMatchObject({ opened: 2, closed: 0, changed: true });
    const same = reconcileFindings(first.findings, [finding('ship_by', 'info', {}, NOW + 20 * HOUR), finding('risk_hold', 'info')], NOW + 1, history);
    expect(same).toMatchObject({ opened: 0, closed: 0, changed: false });
    expect(same.findings).toEqual(first.findings);

    const later = reconcileFindings(first.findings, [finding('ship_by', 'warn', {}, NOW + 20 * HOUR)], NOW + 10 * HOUR, history);
    expect(later).toMatchObject({ opened: 0, closed: 1, changed: true });
    expect(later.changes).toEqual([expect.objectContaining({ field: 'finding:ship_by', from: 'info', to: 'warn' })]);
    const shipBy = later.findings.find((record) => record.kind === 'ship_by');
    expect(shipBy).toMatchObject({ openedAt: NOW, severity: 'warn', closedAt: null, updatedAt: NOW + 10 * HOUR });
    expect(later.findings.find((record) => record.kind === 'risk_hold')).toMatchObject({ openedAt: NOW, closedAt: NOW + 10 * HOUR });

    // Holding again after closing opens a new record; the closed one stays in history.
    const reopened = reconcileFindings(later.findings, [finding('ship_by', 'warn', {}, NOW + 20 * HOUR), finding('risk_hold', 'info')], NOW + 11 * HOUR, history);
    expect(reopened.findings.filter((record) => record.kind === 'risk_hold').map((record) => [record.openedAt, record.closedAt])).toEqual([
      [NOW + 11 * HOUR, null],
      [NOW, NOW + 10 * HOUR],
    ]);
  });

  test('a basis value that only restates the clock does not count as a change; other basis values do', () => {
    const first = reconcileFindings([], [finding('ship_by', 'info', { remainingHours: 20, warnHours: 12 }, NOW)], NOW, history);
    expect(reconcileFindings(first.findings, [finding('ship_by', 'info', { remainingHours: 19, warnHours: 12 }, NOW)], NOW + HOUR, history).changed).toBe(false);
    expect(reconcileFindings(first.findings, [finding('ship_by', 'info', { remainingHours: 20, warnHours: 6 }, NOW)], NOW, history).changed).toBe(true);
  });

  test('riskOf: worst severity, earliest due time at that severity', () => {
    const record = (severity: FindingRecord['severity'], dueAt: number | null, closedAt: number | null = null): FindingRecord =>
      ({ kind: 'ship_by', severity, dueAt, rule: 'R1', basis: {}, openedAt: NOW, closedAt, updatedAt: NOW }) as unknown as FindingRecord;
    expect(riskOf([], null)).toEqual({ riskRank: RISK_NONE, nextDueAt: NO_DUE });
    expect(riskOf([record('warn', 5), record('critical', null), record('critical', 9), record('breached', 1, NOW)], 2590)).toEqual({ riskRank: 2, nextDueAt: 9 });
  });

  test('riskOf: without a due time, the order sorts after every clock of its severity, the larger amount first', () => {
    const anomaly = { kind: 'rejected', severity: 'critical', dueAt: null, rule: 'R1', basis: {}, openedAt: NOW, closedAt: null, updatedAt: NOW } as unknown as FindingRecord;
    const large = riskOf([anomaly], 1_299_00);
    const small = riskOf([anomaly], 19_90);
    const none = riskOf([anomaly], null);
    expect(large.riskRank).toBe(2);
    expect(large.nextDueAt).toBeLessThan(small.nextDueAt);
    expect(small.nextDueAt).toBeLessThan(none.nextDueAt);
    expect(none.nextDueAt).toBe(NO_DUE);
    // Far after any real due time, and read back as none.
    expect(large.nextDueAt).toBeGreaterThan(Date.parse('9999-12-31T23:59:59Z'));
    for (const risk of [large, small, none]) expect(dueTimeOf(risk)).toBeNull();
    expect(dueTimeOf({ nextDueAt: NOW })).toBe(NOW);
    // Out-of-range amounts keep their place inside the band: a negative one is last, a huge one first.
    expect(riskOf([anomaly], -500).nextDueAt).toBe(NO_DUE);
    expect(dueTimeOf(riskOf([anomaly], Number.MAX_SAFE_INTEGER))).toBeNull();
  });

  test('a stored record reads back as the finding it was made from', () => {
    const original = finding('ship_by', 'warn', { remainingHours: 3 }, NOW + 3 * HOUR);
    const [record] = reconcileFindings([], [original], NOW, history).findings;
    expect(findingOfRecord(record!, { orderSn: 'A' })).toEqual(original);
  });
});
