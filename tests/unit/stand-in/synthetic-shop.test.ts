import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { COURIERS, DESTINATIONS } from '../../stand-in/shop/catalog';
import { shanghaiDateTime, shanghaiYymmdd } from '../../stand-in/shop/time';
import { FULL_COVERAGE_SIZE, generateShop, SCENARIO_IDS, type SyntheticShop } from '../../stand-in/synthetic-shop';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const NOW_S = NOW / 1000;
const HOUR = 3600;
const DAY = 86_400;

type Row = Record<string, unknown>;
type K100 = { state?: string; returnCode?: string; com?: string; data?: Array<{ time: string; statusCode: string; areaName: string }> };
type Kdniao = { State: string; ShipperCode: string; Traces: Array<{ AcceptTime: string; Action: string }> };

const shops = new Map<string, SyntheticShop>();
/** Shops are pure functions of their options; build each once per file. */
function shop(seed: number, size: number): SyntheticShop {
  const key = `${seed}/${size}`;
  let built = shops.get(key);
  if (built === undefined) {
    built = generateShop({ seed, size, now: NOW });
    shops.set(key, built);
  }
  return built;
}

/** Parses a courier wall-clock string as Shanghai time. */
const shanghaiSeconds = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`) / 1000;

/** The Kuaidi100 reply for an order's waybill ({} when the order has none). */
function k100(s: SyntheticShop, row: Row): K100 {
  return s.kuaidi100[row.tracking_number as string] ?? {};
}

/** Kuaidi100 events of an order's parcel, oldest first. */
function events(s: SyntheticShop, row: Row): Array<{ at: number; code: string; area: string }> {
  return (k100(s, row).data ?? []).map((e) => ({ at: shanghaiSeconds(e.time), code: e.statusCode, area: e.areaName })).reverse();
}

const rowsOf = (s: SyntheticShop, scenario: string): Row[] => s.orders.filter((row) => s.scenarioOf[row.order_sn as string] === scenario);
const afterSaleOf = (s: SyntheticShop, row: Row): Row | undefined => s.afterSales.find((a) => a.orderSn === row.order_sn);
const PICKED_UP_OR_LATER = (code: string): boolean => !['101', '102'].includes(code);

describe('generateShop: determinism and size', () => {
  it('returns the same shop for the same seed, size and clock', () => {
    const a = generateShop({ seed: 42, size: 300, now: NOW });
    const b = generateShop({ seed: 42, size: 300, now: NOW });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('returns a different shop for another seed', () => {
    expect(shop(1, 300).orders.map((row) => row.order_sn)).not.toEqual(shop(2, 300).orders.map((row) => row.order_sn));
  });

  it.each([1, 10, 12, 39, 40, 41, 1000])('has exactly %i orders with unique order numbers', (size) => {
    const s = shop(3, size);
    expect(s.orders).toHaveLength(size);
    expect(new Set(s.orders.map((row) => row.order_sn)).size).toBe(size);
    expect(Object.keys(s.scenarioOf)).toHaveLength(size);
  });

  it('rejects sizes outside 1..100000', () => {
    expect(() => generateShop({ seed: 1, size: 0, now: NOW })).toThrow(RangeError);
    expect(() => generateShop({ seed: 1, size: 100_001, now: NOW })).toThrow(RangeError);
    expect(() => generateShop({ seed: 1, size: 2.5, now: NOW })).toThrow(RangeError);
  });
});

describe('generateShop: scenarios', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(`has every scenario at size ${FULL_COVERAGE_SIZE} (seed %i)`, (seed) => {
    expect(new Set(Object.values(shop(seed, FULL_COVERAGE_SIZE).scenarioOf))).toEqual(new Set(SCENARIO_IDS));
  });

  it('fills small shops with the most common scenarios', () => {
    expect(new Set(Object.values(shop(1, 10).scenarioOf))).toEqual(new Set(SCENARIO_IDS.slice(0, 10)));
  });

  it('is mostly ordinary orders', () => {
    const counts = new Map<string, number>();
    for (const scenario of Object.values(shop(1, 5000).scenarioOf)) counts.set(scenario, (counts.get(scenario) ?? 0) + 1);
    const ordinary = ['received', 'in_transit', 'unshipped_hours_left', 'delivered'].reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
    expect(ordinary / 5000).toBeGreaterThan(0.65);
    expect(counts.get('rejection_cluster') ?? 0).toBeLessThan(50);
  });

  // What each scenario means in the raw data, at the shop's clock. Several seeds and sizes, so that
  // random placements at the edges of each range are exercised.
  const SEEDS = [1, 2, 3, 4, 5];
  const unshippedLeft = (row: Row): number => (row.promise_shipping_time as number) - NOW_S;
  const CHECKS: Record<string, (s: SyntheticShop, row: Row) => void> = {
    unshipped_hours_left: (_s, row) => {
      expect(row.order_status_str).toBe('待发货');
      expect(row.shipping_time).toBe(0);
      expect(unshippedLeft(row)).toBeGreaterThan(12 * HOUR);
    },
    unshipped_due_soon: (_s, row) => {
      expect(row.order_status_str).toBe('待发货');
      expect(unshippedLeft(row)).toBeGreaterThan(2 * HOUR);
      expect(unshippedLeft(row)).toBeLessThanOrEqual(12 * HOUR);
    },
    unshipped_critical: (_s, row) => {
      expect(unshippedLeft(row)).toBeGreaterThan(0);
      expect(unshippedLeft(row)).toBeLessThanOrEqual(2 * HOUR);
    },
    overdue_unshipped: (_s, row) => {
      expect(row.order_status_str).toBe('待发货');
      expect(unshippedLeft(row)).toBeLessThan(0);
    },
    urged_unshipped: (_s, row) => {
      expect(row.order_status_str).toBe('待发货');
      expect(row.urge_shipping_time).toBeGreaterThan(row.order_time as number);
      expect(row.urge_shipping_time).toBeLessThan(NOW_S);
    },
    risk_hold: (_s, row) => {
      expect(row.order_status_str).toBe('待发货');
      expect(row.risk_status).toBe(1);
    },
    cancelled: (_s, row) => {
      expect(row.order_status_str).toBe('已取消');
      expect(row.order_status).toBe(2);
      expect(row.promise_shipping_time).toBeNull();
    },
    no_need_ship: (s, row) => {
      expect(row.no_need_ship).toBe(1);
      expect(row.shipping_time).toBeGreaterThan(0);
      expect(row.tracking_number).toBe('');
      expect(s.kuaidi100['']).toBeUndefined();
    },
    shipped_no_pickup: (s, row) => {
      expect(NOW_S - (row.shipping_time as number)).toBeLessThan(12 * HOUR);
      expect(events(s, row).some((e) => PICKED_UP_OR_LATER(e.code))).toBe(false);
    },
    early_upload: (s, row) => {
      const trace = events(s, row);
      const pickup = trace.find((e) => PICKED_UP_OR_LATER(e.code));
      if (pickup === undefined) expect(NOW_S - (row.shipping_time as number)).toBeGreaterThan(12 * HOUR);
      else expect(pickup.at - (row.shipping_time as number)).toBeGreaterThan(24 * HOUR);
    },
    in_transit: (s, row) => {
      expect(row.order_status_str).toBe('已发货，待收货');
      expect(['0', '1', '5']).toContain(k100(s, row).state);
      expect(NOW_S - (events(s, row).at(-1)?.at ?? 0)).toBeLessThan(24 * HOUR);
    },
    shipped_late: (_s, row) => expect(row.shipping_time).toBeGreaterThan(row.promise_shipping_time as number),
    stalled: (s, row) => {
      expect(['0', '1']).toContain(k100(s, row).state);
      expect(NOW_S - (events(s, row).at(-1)?.at ?? 0)).toBeGreaterThan(48 * HOUR);
    },
    delivery_problem: (s, row) => expect(['204', '206', '207', '208']).toContain(events(s, row).at(-1)?.code),
    delivered: (s, row) => {
      expect(row.order_status_str).toBe('已发货，待收货');
      expect(events(s, row).at(-1)?.code).toBe('301');
    },
    received: (s, row) => {
      expect(row.order_status_str).toBe('已收货');
      expect(k100(s, row).state).toBe('3');
      expect(s.receiveTimeOf[row.order_sn as string]).toBeLessThanOrEqual(NOW_S);
    },
    proxy_signed: (s, row) => expect(['303', '304']).toContain(events(s, row).at(-1)?.code),
    rejected: (s, row) => expect(['203', '14']).toContain(events(s, row).at(-1)?.code),
    rejection_cluster: (s, row) => expect(['203', '14']).toContain(events(s, row).at(-1)?.code),
    returning: (s, row) => expect(k100(s, row).state).toBe('6'),
    destination_mismatch: (s, row) => {
      const last = events(s, row).at(-1);
      expect(last?.code).toBe('301');
      expect(last?.area).not.toContain((row.province_name as string).replace(/(省|市|壮族自治区)$/, ''));
    },
    tracking_invalid: (s, row) => {
      expect(k100(s, row).returnCode).toBe('500');
      expect(NOW_S - (row.shipping_time as number)).toBeGreaterThan(24 * HOUR);
    },
    duplicate_tracking: (s, row) => {
      const sharing = s.orders.filter((other) => other.tracking_number === row.tracking_number);
      expect(new Set(sharing.map((other) => other.receive_name)).size).toBeGreaterThanOrEqual(2);
    },
    merged_shipment: (s, row) => {
      const sharing = s.orders.filter((other) => other.tracking_number === row.tracking_number);
      expect(sharing).toHaveLength(2);
      expect(new Set(sharing.map((other) => JSON.stringify([other.receive_name, other.shipping_address]))).size).toBe(1);
    },
    intercept_parcel: (s, row) => {
      expect(row.order_status_str).toBe('已发货，退款成功');
      expect(afterSaleOf(s, row)?.createdAt).toBeGreaterThan(row.shipping_time as number);
      expect(k100(s, row).state).not.toBe('3');
    },
    refunded_unshipped: (s, row) => {
      expect(row.order_status_str).toBe('未发货，退款成功');
      expect(row.after_sales_status).toBe(5);
      expect(afterSaleOf(s, row)?.actions).toEqual([1000]);
    },
    instant_refund: (s, row) => {
      const afterSale = afterSaleOf(s, row) as Row;
      expect(afterSale.actions).toContain(1000);
      const reverse = s.kuaidi100[afterSale.reverseTrackingNumber as string] as K100;
      expect(reverse.state).not.toBe('3');
    },
    timeout_auto_refund: (s, row) => {
      const afterSale = afterSaleOf(s, row) as Row;
      expect(afterSale.actions).toContain(1028);
      expect(afterSale.closeTime as number).toBeLessThanOrEqual(NOW);
    },
    logistics_refund: (s, row) => expect(afterSaleOf(s, row)?.afterSalesReasonDesc).toMatch(/物流|快递|未收到|发货慢|虚假发货/),
    after_sale_waiting: (s, row) => {
      const afterSale = afterSaleOf(s, row) as Row;
      expect(afterSale.afterSalesStatus).toBe(11);
      expect(afterSale.expireRemainTime).toBeGreaterThan(12 * HOUR);
      expect(afterSale.expireRemainTime).toBeLessThan(7 * DAY);
    },
    after_sale_due_soon: (s, row) => {
      const afterSale = afterSaleOf(s, row) as Row;
      expect(afterSale.afterSalesStatus).toBe(11);
      expect(afterSale.expireRemainTime).toBeGreaterThan(0);
      expect(afterSale.expireRemainTime).toBeLessThanOrEqual(12 * HOUR);
    },
    after_sale_buyer_return: (s, row) => {
      expect(afterSaleOf(s, row)?.afterSalesStatus).toBe(10);
      expect(afterSaleOf(s, row)?.expireRemainTime).toBeNull();
    },
  };

  it('checks every scenario', () => {
    expect(new Set(Object.keys(CHECKS))).toEqual(new Set(SCENARIO_IDS));
  });

  it.each(SCENARIO_IDS)('%s holds at the shop clock', (scenario) => {
    let seen = 0;
    for (const seed of SEEDS) {
      for (const size of [40, 600]) {
        const s = shop(seed, size);
        for (const row of rowsOf(s, scenario)) {
          CHECKS[scenario]?.(s, row);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('clusters rejections only where the scenario says so (≥3 of one goods within 7 days)', () => {
    for (const seed of SEEDS) {
      const s = shop(seed, 3000);
      const rejectedAt = new Map<unknown, number[]>();
      for (const row of s.orders) {
        const trace = events(s, row);
        const refusal = trace.find((e) => e.code === '203' || e.code === '14');
        if (refusal !== undefined && NOW_S - refusal.at < 7 * DAY) rejectedAt.set(row.goods_id, [...(rejectedAt.get(row.goods_id) ?? []), refusal.at]);
      }
      const clustered = new Set(rowsOf(s, 'rejection_cluster').map((row) => row.goods_id));
      for (const [goodsId, times] of rejectedAt) expect(times.length >= 3).toBe(clustered.has(goodsId));
    }
  });
});

describe('generateShop: raw fields as the console sends them', () => {
  const s = shop(1, 600);

  it('writes order numbers as YYMMDD-<15 digits> of the Shanghai order date', () => {
    for (const row of s.orders) {
      expect(row.order_sn).toMatch(/^\d{6}-\d{15}$/);
      const shanghai = format(new TZDate((row.order_time as number) * 1000, 'Asia/Shanghai'), 'yyMMdd');
      expect((row.order_sn as string).slice(0, 6)).toBe(shanghai);
    }
  });

  it('formats Shanghai wall-clock time like @date-fns/tz', () => {
    for (let t = 1_700_000_000; t < 1_830_000_000; t += 7_777_777) {
      expect(shanghaiDateTime(t)).toBe(format(new TZDate(t * 1000, 'Asia/Shanghai'), 'yyyy-MM-dd HH:mm:ss'));
      expect(shanghaiYymmdd(t)).toBe(format(new TZDate(t * 1000, 'Asia/Shanghai'), 'yyMMdd'));
    }
  });

  it('uses unix seconds for order times, within the 90-day list window, newest first', () => {
    for (const row of s.orders) {
      expect(row.order_time).toBeGreaterThan(NOW_S - 90 * DAY);
      expect(row.order_time).toBeLessThanOrEqual(NOW_S);
      expect(row.confirm_time).toBe(row.order_time);
      if (row.shipping_time !== 0) {
        expect(row.shipping_time).toBeGreaterThan(row.order_time as number);
        expect(row.shipping_time).toBeLessThanOrEqual(NOW_S);
      }
      for (const key of ['promise_shipping_time', 'urge_shipping_time']) if (row[key] !== null) expect(Number.isInteger(row[key]) && (row[key] as number) < 2e9).toBe(true);
    }
    const times = s.orders.map((row) => row.order_time as number);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('uses seconds for after-sales createdAt and expireRemainTime, milliseconds for closeTime', () => {
    expect(s.afterSales.length).toBeGreaterThan(10);
    for (const row of s.afterSales) {
      expect(row.createdAt).toBeGreaterThan(NOW_S - 90 * DAY);
      expect(row.createdAt).toBeLessThanOrEqual(NOW_S);
      if (row.closeTime !== null) {
        expect(row.closeTime).toBeGreaterThan((row.createdAt as number) * 1000);
        expect(row.closeTime).toBeLessThanOrEqual(NOW);
      }
      if (row.expireRemainTime !== null) expect(row.expireRemainTime).toBeLessThan(7 * DAY);
    }
  });

  it('keeps money in integer cents', () => {
    for (const row of s.orders) {
      for (const key of ['goods_price', 'goods_amount', 'order_amount', 'merchant_discount', 'platform_discount']) expect(Number.isInteger(row[key])).toBe(true);
      expect(row.goods_amount).toBe((row.goods_price as number) * (row.goods_number as number));
      expect(row.order_amount).toBe((row.goods_amount as number) - (row.merchant_discount as number) - (row.platform_discount as number));
    }
  });

  it('uses the 2026 status wording with a full-width comma', () => {
    const statuses = new Set(s.orders.map((row) => row.order_status_str));
    expect(statuses).toEqual(new Set(['待发货', '已发货，待收货', '已收货', '未发货，退款成功', '已发货，退款成功', '已取消']));
  });

  it('leaves mall_id out of the rows', () => {
    for (const row of s.orders) expect(row).not.toHaveProperty('mall_id');
    expect(s.shopId).toMatch(/^\d{9}$/);
  });

  it('pairs shipping_id with the courier of the tracking number and its provider codes', () => {
    const patterns: Record<number, RegExp> = { 115: /^7\d{13}$/, 85: /^YT\d{13}$/, 121: /^4[36]\d{11}$/, 384: /^JT\d{13}$/, 1: /^77\d{13}$/, 44: /^SF\d{12}$/, 132: /^98\d{11}$/ };
    for (const row of s.orders.filter((r) => r.tracking_number !== '')) {
      const courier = COURIERS.find((c) => c.shippingId === row.shipping_id);
      expect(courier).toBeDefined();
      expect(row.tracking_number).toMatch(patterns[row.shipping_id as number] as RegExp);
      const body = k100(s, row);
      if (body.returnCode === undefined) expect(body.com).toBe(courier?.kuaidi100);
      expect((s.kdniao[row.tracking_number as string] as Kdniao).ShipperCode).toBe(courier?.kdniao);
    }
  });

  it('answers for every waybill, newest first at Kuaidi100 and oldest first at Kdniao, nothing after now', () => {
    const numbers = [...s.orders.map((row) => row.tracking_number), ...s.afterSales.map((row) => row.reverseTrackingNumber)].filter((n): n is string => typeof n === 'string' && n !== '');
    expect(new Set(Object.keys(s.kuaidi100))).toEqual(new Set(numbers));
    expect(new Set(Object.keys(s.kdniao))).toEqual(new Set(numbers));
    for (const number of numbers) {
      const body = s.kuaidi100[number] as K100;
      const kd = s.kdniao[number] as Kdniao;
      if (body.returnCode === '500') {
        expect(body).toEqual({ result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' });
        expect(kd).toMatchObject({ Success: true, State: '0', Traces: [] });
        continue;
      }
      const k100Times = (body.data ?? []).map((e) => shanghaiSeconds(e.time));
      expect(k100Times).toEqual([...k100Times].sort((a, b) => b - a));
      expect(Math.max(...k100Times)).toBeLessThanOrEqual(NOW_S);
      const newest = String(body.data?.[0]?.statusCode);
      expect(body.state).toBe(newest.length === 3 ? newest.charAt(0) : newest.startsWith('100') ? '0' : newest);
      const kdTimes = kd.Traces.map((e) => shanghaiSeconds(e.AcceptTime));
      expect(kdTimes).toEqual([...k100Times].reverse());
    }
  });

  it('uses real-looking provinces and cities that the couriers also name', () => {
    for (const row of s.orders) {
      expect(DESTINATIONS.some((place) => place.province === row.province_name && place.city === row.city_name)).toBe(true);
    }
  });
});

describe('generateShop: fake buyer data', () => {
  const s = shop(2, 600);
  const PII_FIELDS = { receive_name: 'names', nickname: 'names', mobile: 'phones', shipping_address: 'addresses', district_name: 'addresses' } as const;

  it('lists every PII string of the rows in pii', () => {
    const lists = { names: new Set(s.pii.names), phones: new Set(s.pii.phones), addresses: new Set(s.pii.addresses) };
    for (const row of s.orders) {
      for (const [field, list] of Object.entries(PII_FIELDS)) expect(lists[list].has(row[field] as string), `${field} ${String(row[field])}`).toBe(true);
    }
  });

  it('lists only PII that the rows use', () => {
    const used = new Set(s.orders.flatMap((row) => Object.keys(PII_FIELDS).map((field) => row[field])));
    for (const value of [...s.pii.names, ...s.pii.phones, ...s.pii.addresses]) expect(used.has(value)).toBe(true);
  });

  it('makes the PII obviously fake and masks phones like the console', () => {
    for (const name of s.pii.names) expect(name).toMatch(/^测试(买家|昵称)\d{4,}$/);
    // Masked numbers, and privacy numbers 主号-分机 on the 184 range, in full or masked.
    for (const phone of s.pii.phones) expect(phone).toMatch(/^1\d{2}\*{4}\d{4}$|^184(0000|\*{4})\d{4}-\d{4}$/);
    for (const address of s.pii.addresses) expect(address).toContain('测试');
  });

  it('keeps PII out of after-sales rows and courier replies', () => {
    // The fake PII has recognisable shapes, so no string elsewhere may have them.
    const PII_SHAPE = /测试(买家|昵称)\d|测试省|测试\d区|\d{3}\*{4}\d{4}|1840000\d{4}-/;
    const strings: string[] = [];
    JSON.stringify([s.afterSales, s.kuaidi100, s.kdniao], (_key, value: unknown) => {
      if (typeof value === 'string') strings.push(value);
      return value;
    });
    expect(strings.length).toBeGreaterThan(1000);
    expect(strings.filter((value) => PII_SHAPE.test(value))).toEqual([]);
  });
});
