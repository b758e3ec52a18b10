import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../lib/findings/assess';
import type { FindingKind } from '../../../lib/findings/registry';
import { context, event, H, P, NOW, shipped, trace, has } from './builders';

describe('no logistics findings for no_need_ship, no_trace_delivery, self_contained', () => {
  it('ignores even a trace full of problems', () => {
    const awful = trace('rejected', [event(NOW - 60 * H, '拒收', 'rejected', '广东,广州市')], { reportedCourier: 'yuantong', providerStalled: true });
    const findings = assessOrder(context(shipped(100, { noLogistics: true, promiseShipAt: NOW - 200 * H }), awful), NOW, P);
    const logistics: FindingKind[] = ['pickup_by', 'tracking_edit_by', 'early_upload', 'stalled', 'rejected', 'returning', 'destination_mismatch', 'tracking_invalid', 'delivery_problem', 'proxy_signed', 'intercept_parcel'];
    for (const kind of logistics) expect(has(findings, kind)).toBe(false);
  });
});
