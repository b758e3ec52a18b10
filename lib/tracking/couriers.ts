// PDD `shipping_id` → the codes each tracking provider uses for that courier (lib/pdd/README.md § Courier ids;
// lib/tracking/README.md § Courier codes). Only couriers with a confirmed code are listed; others are not compared.

interface CourierCodes {
  name: string;
  kuaidi100: readonly string[];
  kdniao: readonly string[];
  /** Kuaidi100 and Kdniao answer only with the receiver's phone tail (lib/tracking/README.md § Phone tail). */
  needsPhoneTail?: true;
}

const COURIERS_BY_SHIPPING_ID: Readonly<Record<number, CourierCodes>> = {
  1: { name: '申通', kuaidi100: ['shentong'], kdniao: ['STO'] },
  3: { name: '百世快递', kuaidi100: ['huitongkuaidi'], kdniao: ['HTKY'] },
  44: { name: '顺丰', kuaidi100: ['shunfeng'], kdniao: ['SF'], needsPhoneTail: true },
  85: { name: '圆通', kuaidi100: ['yuantong'], kdniao: ['YTO'] },
  115: { name: '中通', kuaidi100: ['zhongtong'], kdniao: ['ZTO'], needsPhoneTail: true },
  117: { name: '优速', kuaidi100: ['youshuwuliu'], kdniao: ['UC'] },
  118: { name: '邮政EMS', kuaidi100: ['ems'], kdniao: ['EMS'] },
  120: { name: '京东配送', kuaidi100: ['jd'], kdniao: ['JD'] },
  121: { name: '韵达', kuaidi100: ['yunda'], kdniao: ['YD'] },
  129: { name: '宅急送', kuaidi100: ['zhaijisong'], kdniao: ['ZJS'] },
  // 德邦 answered as debangwuliu on real waybills although Kuaidi100's table says debangkuaidi: accept both.
  131: { name: '德邦快递', kuaidi100: ['debangkuaidi', 'debangwuliu'], kdniao: ['DBL'] },
  132: { name: '邮政快递包裹', kuaidi100: ['youzhengguonei'], kdniao: ['YZPY'] },
  230: { name: '德邦物流', kuaidi100: ['debangwuliu', 'debangkuaidi'], kdniao: ['DBL'] },
  384: { name: '极兔', kuaidi100: ['jtexpress'], kdniao: ['JTSD'] },
};

/** The provider's codes that are right for an order's courier; empty when the courier is not known. */
export function courierCodesFor(shippingId: number | null, provider: 'kuaidi100' | 'kdniao'): readonly string[] {
  if (shippingId === null) return [];
  return COURIERS_BY_SHIPPING_ID[shippingId]?.[provider] ?? [];
}

/** Whether the providers need a phone tail to answer for this courier (顺丰, 中通). */
export function courierNeedsPhoneTail(shippingId: number | null): boolean {
  return shippingId !== null && COURIERS_BY_SHIPPING_ID[shippingId]?.needsPhoneTail === true;
}

/** The courier's name for a PDD `shipping_id` ('中通'); null when the courier is not in the table. */
export function courierNameOf(shippingId: number | null): string | null {
  return shippingId === null ? null : (COURIERS_BY_SHIPPING_ID[shippingId]?.name ?? null);
}
