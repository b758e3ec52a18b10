import { describe, expect, it } from 'vitest';
import type { TrackingFacts } from '../../../lib/facts/facts';
import { assessOrder } from '../../../lib/rules/assess';
import { DEFAULT_POLICY } from '../../../lib/rules/policy';
import type { Finding, FindingKind } from '../../../lib/rules/vocabulary';
import { toIso } from '../../../lib/time/shanghai';
import { afterSale, context, event, H, inTransit, NOW, only, order, S, shipped, trace } from './builders';

const P = DEFAULT_POLICY;

function has(findings: Finding[], kind: FindingKind): boolean {
  return findings.some((finding) => finding.kind === kind);
}

describe('shipped_late', () => {
  it('applies when the upload came after promise_shipping_time, as warn', () => {
    const o = shipped(10, { promiseShipAt: NOW - 13 * H });
    const found = only(assessOrder(context(o), NOW, P), 'shipped_late');
    expect(found).toMatchObject({ severity: 'warn', rule: 'A3' });
    expect(found.dueAt).toBeUndefined();
    expect(found.basis).toMatchObject({ shippedAt: toIso(NOW - 10 * H), shipByAt: toIso(NOW - 13 * H), lateHours: 3 });
  });

  it.each([
    ['exactly at the promise', 0, false],
    ['1 s after the promise', S, true],
    ['1 s before the promise', -S, false],
  ] as const)('shipping %s: late %s', (_label, offset, late) => {
    const o = shipped(10, { promiseShipAt: NOW - 10 * H - offset });
    expect(has(assessOrder(context(o), NOW, P), 'shipped_late')).toBe(late);
  });

  it('uses the 48 h fallback when the row has no promise', () => {
    const o = shipped(10, { promiseShipAt: null, orderAt: NOW - 60 * H });
    expect(only(assessOrder(context(o), NOW, P), 'shipped_late').basis).toMatchObject({ shipBySource: 'order_time', lateHours: 2 });
  });

  it.each([
    ['the relief tag', shipped(10, { promiseShipAt: NOW - 20 * H, shippingDelayAllowed: true })],
    ['no_need_ship', shipped(10, { promiseShipAt: NOW - 20 * H, noNeedShip: true, noLogistics: true })],
    ['no promise and no deal time', shipped(10, { promiseShipAt: null, orderAt: null })],
  ])('does not apply with %s', (_label, o) => {
    expect(has(assessOrder(context(o), NOW, P), 'shipped_late')).toBe(false);
  });
});

describe('early_upload', () => {
  const onlyOrdered = (checkedAt: number): TrackingFacts =>
    trace('pending', [event(NOW - 30 * H, '【苏州市】商家已下单，等待揽收', 'pending')], { checkedAt, rawSub: '101' });

  it.each([
    ['empty (no record) 12 h after upload', trace(null, [], { noRecord: true, checkedAt: NOW }), 12, true],
    ['empty 12 h − 1 s after upload', trace(null, [], { noRecord: true, checkedAt: NOW }), 12 - 1 / 3600, false],
    ['only 已下单 13 h after upload', onlyOrdered(NOW), 13, true],
    ['only 已下单, but read 2 h after upload', onlyOrdered(NOW - 11 * H), 13, false],
  ] as const)('trace %s: %s', (_label, tracking, hoursAgo, expected) => {
    const findings = assessOrder(context(shipped(hoursAgo), tracking), NOW, P);
    expect(has(findings, 'early_upload')).toBe(expected);
    if (expected) expect(only(findings, 'early_upload').basis).toMatchObject({ reason: 'no_scan', noScanHours: 12 });
  });

  it.each([
    ['24 h + 1 s', 24 * H + S, true],
    ['exactly 24 h', 24 * H, false],
  ] as const)('first real scan %s after upload: %s', (_label, delay, expected) => {
    const o = shipped(40);
    const firstScan = NOW - 40 * H + delay;
    const tracking = trace('in_transit', [event(firstScan, '【苏州市】已揽收', 'picked_up'), event(firstScan + H, '已发出', 'in_transit')]);
    const findings = assessOrder(context(o, tracking), NOW, P);
    expect(has(findings, 'early_upload')).toBe(expected);
    if (expected) {
      expect(only(findings, 'early_upload').basis).toMatchObject({ reason: 'late_first_scan', firstScanAt: toIso(firstScan), firstScanHours: 24 });
    }
  });

  it('says nothing before any trace was read', () => {
    expect(has(assessOrder(context(shipped(30)), NOW, P), 'early_upload')).toBe(false);
  });
});

describe('stalled (heuristic)', () => {
  it.each([
    ['picked up, no transit scan for 24 h + 1 s', 'picked_up', 24 * H + S, true, 'A6'],
    ['picked up, no transit scan for exactly 24 h', 'picked_up', 24 * H, false, 'A6'],
    ['in transit, idle 48 h + 1 s', 'in_transit', 48 * H + S, true, 'A6'],
    ['in transit, idle 47 h', 'in_transit', 47 * H, false, 'A6'],
    ['out for delivery, idle 24 h + 1 s', 'out_for_delivery', 24 * H + S, true, 'A11'],
    ['at a locker, idle 25 h', 'available_for_pickup', 25 * H, true, 'A11'],
    ['delivered, idle 30 days', 'delivered', 720 * H, false, 'A6'],
    ['returned, idle 30 days', 'returned', 720 * H, false, 'A6'],
  ] as const)('%s: %s', (_label, status, idle, expected, rule) => {
    const tracking = trace(status, [event(NOW - 100 * H, '已揽收', 'picked_up'), event(NOW - idle, '快件动态', status)]);
    const findings = assessOrder(context(shipped(101), tracking), NOW, P);
    expect(has(findings, 'stalled')).toBe(expected);
    if (expected) {
      const found = only(findings, 'stalled');
      expect(found).toMatchObject({ severity: 'warn', rule });
      expect(found.basis).toMatchObject({ heuristic: true, lastEventAt: toIso(NOW - idle), trackingStatus: status });
    }
  });

  it("counts a provider's stagnation code (Kuaidi100 202) without waiting, and as a delivery problem too", () => {
    const tracking = trace('exception', [event(NOW - 100 * H, '已揽收', 'picked_up'), event(NOW - 3 * H, '快件超时未更新', 'exception')], {
      providerStalled: true,
      rawSub: '202',
    });
    const findings = assessOrder(context(shipped(101), tracking), NOW, P);
    expect(only(findings, 'stalled').basis).toMatchObject({ heuristic: true, providerStalled: true });
    expect(only(findings, 'delivery_problem')).toMatchObject({ severity: 'critical', basis: { rawSub: '202' } });
  });
});

describe('delivery_problem', () => {
  it.each([
    ['a provider problem state', trace('exception', [event(NOW - 2 * H, '派件异常', 'exception')], { rawState: '2', rawSub: '204' })],
    ['a problem keyword in the newest event', trace('in_transit', [event(NOW - 5 * H, '已揽收', 'picked_up'), event(NOW - 2 * H, '快件滞留在【苏州吴中网点】', 'exception')])],
  ])('applies on %s, as critical', (_label, tracking) => {
    const found = only(assessOrder(context(shipped(30), tracking), NOW, P), 'delivery_problem');
    expect(found).toMatchObject({ severity: 'critical', rule: 'A7' });
  });

  it('is over once the parcel is delivered after the problem', () => {
    const tracking = trace('delivered', [event(NOW - 20 * H, '地址不详，联系不上收件人', 'exception'), event(NOW - 2 * H, '已签收，签收人：本人', 'delivered')]);
    expect(has(assessOrder(context(shipped(30), tracking), NOW, P), 'delivery_problem')).toBe(false);
  });
});

describe('rejected and returning', () => {
  const rejectedThenReturning = trace('returning', [
    event(NOW - 40 * H, '已揽收', 'picked_up'),
    event(NOW - 10 * H, '收件人拒收', 'rejected'),
    event(NOW - 5 * H, '快件已退回，正在返回寄件网点', 'returning'),
  ]);

  it('reports the rejection (with its time) and the return trip, both critical', () => {
    const findings = assessOrder(context(shipped(50, { refunded: true, statusText: '已发货，退款成功' }), rejectedThenReturning), NOW, P);
    expect(only(findings, 'rejected')).toMatchObject({ severity: 'critical', rule: 'A8' });
    expect(only(findings, 'rejected').basis).toMatchObject({ rejectedAt: toIso(NOW - 10 * H), eventText: '收件人拒收' });
    expect(only(findings, 'returning')).toMatchObject({ severity: 'critical', rule: 'A9' });
    expect(only(findings, 'returning').basis.eventAt).toBe(toIso(NOW - 5 * H));
  });

  it('treats Kuaidi100 退签 (returned) as returning too', () => {
    const back = trace('returned', [event(NOW - 5 * H, '退回件已由寄件人签收', 'returned')]);
    expect(has(assessOrder(context(shipped(90), back), NOW, P), 'returning')).toBe(true);
  });

  it('takes a rejected status without a rejection event at the newest event', () => {
    const tracking = trace('rejected', [event(NOW - 3 * H, '派件中', 'out_for_delivery')]);
    expect(only(assessOrder(context(shipped(40), tracking), NOW, P), 'rejected').basis.rejectedAt).toBe(toIso(NOW - 3 * H));
  });

  it('is not reported once the buyer finally signs', () => {
    const tracking = trace('delivered', [event(NOW - 10 * H, '客户拒签', 'rejected'), event(NOW - 2 * H, '已签收', 'delivered')]);
    const findings = assessOrder(context(shipped(40), tracking), NOW, P);
    expect(has(findings, 'rejected')).toBe(false);
    expect(has(findings, 'returning')).toBe(false);
  });
});

describe('destination_mismatch', () => {
  const deliveredIn = (area: string) =>
    trace('delivered', [event(NOW - 30 * H, '已揽收', 'picked_up', '江苏,苏州市'), event(NOW - 2 * H, '已签收', 'delivered', area)]);

  it.each([
    ['another province', '广东,广州市', true],
    ['another city of the same province', '江苏,南京市', true],
    ['the same city written with suffixes', '江苏省苏州市吴中区', false],
    ['only the city, matching', '苏州市', false],
    ['only a district', '吴中区', false],
  ])('last delivery event in %s: %s', (_label, area, expected) => {
    const findings = assessOrder(context(shipped(40), deliveredIn(area)), NOW, P);
    expect(has(findings, 'destination_mismatch')).toBe(expected);
    if (expected) expect(only(findings, 'destination_mismatch').basis).toMatchObject({ traceArea: area, areaSource: 'event', orderCity: '苏州市' });
  });

  it("uses the provider's route destination when no delivery event has an area", () => {
    const tracking = trace('in_transit', [event(NOW - 5 * H, '已发出', 'in_transit', '江苏,苏州市')], { destinationArea: '广西壮族自治区南宁市' });
    const found = only(assessOrder(context(shipped(10), tracking), NOW, P), 'destination_mismatch');
    expect(found.basis).toMatchObject({ areaSource: 'route', traceArea: '广西壮族自治区南宁市' });
  });

  it('needs the order destination', () => {
    expect(has(assessOrder(context(shipped(40, { provinceName: null, cityName: null }), deliveredIn('广东,广州市')), NOW, P), 'destination_mismatch')).toBe(false);
  });
});

describe('tracking_invalid', () => {
  it.each([
    ['24 h after upload', 24, true],
    ['23 h after upload', 23, false],
  ] as const)('no record read %s: %s', (_label, hours, expected) => {
    const findings = assessOrder(context(shipped(hours), trace(null, [], { noRecord: true })), NOW, P);
    expect(has(findings, 'tracking_invalid')).toBe(expected);
    if (expected) expect(only(findings, 'tracking_invalid')).toMatchObject({ severity: 'critical', rule: 'A14', basis: { reason: 'no_record' } });
  });

  it('applies when the provider identifies another courier', () => {
    const tracking = trace('in_transit', [event(NOW - 3 * H, '已发出', 'in_transit')], { identifiedCourier: 'yuantong' });
    expect(only(assessOrder(context(shipped(5), tracking), NOW, P), 'tracking_invalid').basis).toMatchObject({
      reason: 'other_courier',
      identifiedCourier: 'yuantong',
      shippingId: 115,
    });
  });
});

describe('proxy_signed', () => {
  it('is info when the provider says locker, station or proxy', () => {
    const tracking = trace('delivered', [event(NOW - 2 * H, '已签收，签收人凭取货码签收（菜鸟驿站代收）', 'delivered')], { proxySigned: true, rawSub: '304' });
    expect(only(assessOrder(context(shipped(40), tracking), NOW, P), 'proxy_signed')).toMatchObject({ severity: 'info', rule: 'A15' });
  });

  it('is absent on a personal signature', () => {
    const tracking = trace('delivered', [event(NOW - 2 * H, '已签收，签收人：本人', 'delivered')], { rawSub: '301' });
    expect(has(assessOrder(context(shipped(40), tracking), NOW, P), 'proxy_signed')).toBe(false);
  });
});

describe('no logistics findings for no_need_ship, no_trace_delivery, self_contained', () => {
  it('ignores even a trace full of problems', () => {
    const awful = trace('rejected', [event(NOW - 60 * H, '拒收', 'rejected', '广东,广州市')], { identifiedCourier: 'yuantong', providerStalled: true });
    const findings = assessOrder(context(shipped(100, { noLogistics: true, promiseShipAt: NOW - 200 * H }), awful), NOW, P);
    const logistics: FindingKind[] = ['pickup_by', 'tracking_edit_by', 'early_upload', 'stalled', 'rejected', 'returning', 'destination_mismatch', 'tracking_invalid', 'delivery_problem', 'proxy_signed', 'intercept_parcel'];
    for (const kind of logistics) expect(has(findings, kind)).toBe(false);
  });
});

describe('urged_unshipped and risk_hold', () => {
  it('warns when the buyer urged an unshipped order', () => {
    const found = only(assessOrder(context(order({ urgedAt: NOW - 2 * H })), NOW, P), 'urged_unshipped');
    expect(found).toMatchObject({ severity: 'warn', rule: 'A20', basis: { urgedAt: toIso(NOW - 2 * H) } });
  });

  it.each([
    ['shipped', shipped(3, { urgedAt: NOW - 5 * H })],
    ['refunded', order({ urgedAt: NOW - 2 * H, refunded: true })],
    ['cancelled', order({ urgedAt: NOW - 2 * H, state: 'cancelled' })],
    ['not urged', order({ urgedAt: null })],
  ])('no urge finding when %s', (_label, o) => {
    expect(has(assessOrder(context(o), NOW, P), 'urged_unshipped')).toBe(false);
  });

  it('is info under risk review, only before shipping', () => {
    expect(only(assessOrder(context(order({ riskHold: true })), NOW, P), 'risk_hold').severity).toBe('info');
    expect(has(assessOrder(context(shipped(2, { riskHold: true })), NOW, P), 'risk_hold')).toBe(false);
    expect(has(assessOrder(context(order({ riskHold: true, state: 'cancelled' })), NOW, P), 'risk_hold')).toBe(false);
  });
});

describe('intercept_parcel', () => {
  const refundAsked = (hoursAgo: number) => afterSale({ createdAt: NOW - hoursAgo * H, expireRemainMs: 20 * H, kind: 'refund_only' });

  it('applies to a refund asked for after shipping while the parcel moves', () => {
    const found = only(assessOrder(context(shipped(30), inTransit(28, 4), [refundAsked(3)]), NOW, P), 'intercept_parcel');
    expect(found).toMatchObject({ severity: 'critical', rule: 'OS1' });
    expect(found.basis).toMatchObject({ refundSource: 'after_sale', refundRequestedAt: toIso(NOW - 3 * H), trackingStatus: 'in_transit' });
  });

  it('applies to 已发货，退款成功 with no case row', () => {
    const o = shipped(30, { refunded: true, statusText: '已发货，退款成功' });
    expect(only(assessOrder(context(o, inTransit(28, 4)), NOW, P), 'intercept_parcel').basis.refundSource).toBe('order_status');
  });

  it.each([
    ['the refund came before shipping', shipped(30), inTransit(28, 4), [refundAsked(31)]],
    ['the parcel is delivered', shipped(30), trace('delivered', [event(NOW - H, '已签收', 'delivered')]), [refundAsked(3)]],
    ['the parcel is already rejected', shipped(30), trace('rejected', [event(NOW - H, '拒收', 'rejected')]), [refundAsked(3)]],
    ['the buyer received it', shipped(30, { state: 'received' }), null, [refundAsked(3)]],
    ['the case was closed without refund', shipped(30), inTransit(28, 4), [afterSale({ createdAt: NOW - 3 * H, statusCode: 6, closedAt: NOW - H })]],
    ['the case is an exchange', shipped(30), inTransit(28, 4), [afterSale({ createdAt: NOW - 3 * H, kind: 'exchange' })]],
    ['nothing was shipped', order(), null, [refundAsked(3)]],
  ])('does not apply when %s', (_label, o, tracking, sales) => {
    expect(has(assessOrder(context(o, tracking, sales), NOW, P), 'intercept_parcel')).toBe(false);
  });
});

describe('logistics_refund and timeout_auto_refund', () => {
  it.each([
    ['物流太慢', true],
    ['快递一直不动', true],
    ['未收到货', true],
    ['发货慢', true],
    ['商家虚假发货', true],
    ['不想要了', false],
  ])('reason %s: logistics %s', (reason, expected) => {
    const findings = assessOrder(context(shipped(30), null, [afterSale({ reasonText: reason })]), NOW, P);
    expect(has(findings, 'logistics_refund')).toBe(expected);
    if (expected) expect(only(findings, 'logistics_refund')).toMatchObject({ severity: 'info', rule: 'A18', basis: { reasonText: reason } });
  });

  it('is critical for a closed case that the platform refunded on timeout (1028)', () => {
    const sale = afterSale({ actions: [1028], statusCode: 5, statusText: '退款成功', closedAt: NOW - 5 * H });
    expect(only(assessOrder(context(order({ refunded: true }), null, [sale]), NOW, P), 'timeout_auto_refund')).toMatchObject({
      severity: 'critical',
      rule: 'A19',
      basis: { closedAt: toIso(NOW - 5 * H) },
    });
  });

  it('waits for the case to close', () => {
    const open = afterSale({ actions: [1028], statusCode: 11 });
    expect(has(assessOrder(context(order(), null, [open]), NOW, P), 'timeout_auto_refund')).toBe(false);
  });
});
