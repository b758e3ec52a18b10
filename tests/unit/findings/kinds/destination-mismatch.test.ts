import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, event, H, P, NOW, only, shipped, trace, has } from '../builders';

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
