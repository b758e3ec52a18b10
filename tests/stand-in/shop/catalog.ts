// Fixed reference data of the synthetic shop: couriers (lib/pdd/README.md § Courier ids, lib/tracking/README.md § Courier codes)
// and goods. The places are the demo provider's (lib/tracking/demo/areas.ts), shared so both draw the same timelines.

import type { Random } from './random';

export { DESTINATIONS, ORIGIN, ORIGIN_SITE, areaCode, areaName, type Area } from '../../../lib/tracking/demo/areas';

export interface Courier {
  /** PDD `shipping_id`. */
  shippingId: number;
  /** `shipping_name` as the console prints it. */
  name: string;
  /** Kuaidi100 `com`. */
  kuaidi100: string;
  /** Kdniao `ShipperCode`. */
  kdniao: string;
  /** Kuaidi100 and Kdniao answer these only with the receiver's phone tail (lib/tracking/README.md § Phone tail). */
  needsPhoneTail: boolean;
  weight: number;
  newTrackingNumber(random: Random): string;
}

export const COURIERS: readonly Courier[] = [
  { shippingId: 115, name: '中通快递', kuaidi100: 'zhongtong', kdniao: 'ZTO', needsPhoneTail: true, weight: 30, newTrackingNumber: (r) => `7${r.pick(['3', '5', '8'])}${r.digits(12)}` },
  { shippingId: 85, name: '圆通速递', kuaidi100: 'yuantong', kdniao: 'YTO', needsPhoneTail: false, weight: 20, newTrackingNumber: (r) => `YT${r.digits(13)}` },
  { shippingId: 121, name: '韵达快递', kuaidi100: 'yunda', kdniao: 'YD', needsPhoneTail: false, weight: 15, newTrackingNumber: (r) => `${r.pick(['43', '46'])}${r.digits(11)}` },
  { shippingId: 384, name: '极兔速递', kuaidi100: 'jtexpress', kdniao: 'JTSD', needsPhoneTail: false, weight: 15, newTrackingNumber: (r) => `JT${r.digits(13)}` },
  { shippingId: 1, name: '申通快递', kuaidi100: 'shentong', kdniao: 'STO', needsPhoneTail: false, weight: 10, newTrackingNumber: (r) => `77${r.digits(13)}` },
  { shippingId: 44, name: '顺丰速运', kuaidi100: 'shunfeng', kdniao: 'SF', needsPhoneTail: true, weight: 5, newTrackingNumber: (r) => `SF${r.digits(12)}` },
  { shippingId: 132, name: '邮政快递包裹', kuaidi100: 'youzhengguonei', kdniao: 'YZPY', needsPhoneTail: false, weight: 5, newTrackingNumber: (r) => `98${r.digits(11)}` },
];

export interface Goods {
  goodsId: number;
  skuId: number;
  name: string;
  spec: string;
  priceCents: number;
  /** `shipment_limit_second` of the goods in hours (lib/pdd/README.md § Platform rules, R2): 48 for most, 24 for some. */
  promiseHours: number;
  outGoodsSn: string;
}

const GOODS_KINDS: ReadonlyArray<[name: string, specs: readonly string[], cents: number]> = [
  ['加厚保温杯 500ml', ['颜色:雾蓝', '颜色:奶白', '颜色:墨黑'], 2990],
  ['纯棉四件套 1.8m床', ['花色:格纹', '花色:素色'], 12900],
  ['家用抽纸 30包整箱', ['规格:3层100抽'], 3590],
  ['儿童保暖秋衣套装', ['尺码:110', '尺码:120', '尺码:130'], 4590],
  ['不锈钢炒锅 32cm', ['款式:有盖', '款式:无盖'], 8900],
  ['手机支架 桌面款', ['颜色:银色', '颜色:黑色'], 990],
  ['加绒运动裤 男款', ['尺码:L', '尺码:XL', '尺码:XXL'], 5990],
  ['猫砂 豆腐砂 6L', ['规格:原味', '规格:绿茶'], 2490],
  ['厨房收纳置物架', ['层数:2层', '层数:3层'], 3990],
  ['无线蓝牙耳机', ['颜色:白色'], 6990],
  ['洗衣凝珠 52颗', ['香型:薰衣草', '香型:樱花'], 2990],
  ['冬季加厚棉拖鞋', ['尺码:38-39', '尺码:40-41', '尺码:42-43'], 1990],
  ['橄榄油 1L 礼盒', ['规格:单瓶', '规格:双瓶'], 7990],
  ['LED护眼台灯', ['款式:充电款', '款式:插电款'], 4990],
  ['新疆红枣 1kg', ['等级:特级', '等级:一级'], 3290],
  ['瑜伽垫 加厚10mm', ['颜色:紫色', '颜色:粉色'], 3990],
];

export function makeGoodsCatalog(random: Random, count: number): Goods[] {
  const catalog: Goods[] = [];
  const baseId = 600_000_000_000 + random.int(0, 99_999_999) * 1000;
  for (let i = 0; i < count; i++) {
    const kind = GOODS_KINDS[i % GOODS_KINDS.length] as (typeof GOODS_KINDS)[number];
    const round = Math.floor(i / GOODS_KINDS.length);
    catalog.push({
      goodsId: baseId + i * 7919,
      skuId: 1_300_000_000_000 + i * 104_729 + random.int(0, 999),
      name: `【测试商品】${kind[0]}${round === 0 ? '' : ` 第${round + 1}款`}`,
      spec: random.pick(kind[1]),
      priceCents: kind[2] + round * 100,
      promiseHours: random.chance(0.2) ? 24 : 48,
      outGoodsSn: `TEST-G${String(i + 1).padStart(4, '0')}`,
    });
  }
  return catalog;
}
