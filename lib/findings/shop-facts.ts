// The shop pre-pass: facts that only show across orders, computed before any order is judged, so that the
// per-order and per-product kinds read them and no kind needs another's output from another order.
import type { OrderContext, RejectionsOfProduct, SharedNumber } from './define';
import { rejectionOf } from './kinds/rejected';
import type { TracedParcel } from './trace';

export interface ShopFacts {
  /** For `contexts[i]`: the waybill number it shares with another receiver's order, or null. */
  sharedNumberOf: ReadonlyArray<SharedNumber | null>;
  /** Products with at least one rejected parcel, in the order their first rejected order came. */
  rejectedProducts: readonly RejectionsOfProduct[];
}

/** `parcels[i]`: the traced parcel of `contexts[i]` (tracedParcel), worked out once by the caller. */
export function shopFacts(contexts: readonly OrderContext[], parcels: ReadonlyArray<TracedParcel | null>): ShopFacts {
  return { sharedNumberOf: sharedNumbers(contexts), rejectedProducts: rejectedProducts(contexts, parcels) };
}

/**
 * One waybill number on the orders of more than one receiver (A13). Orders of one receiver may share a
 * parcel (a merged shipment); an unknown receiver is nobody's twin.
 */
function sharedNumbers(contexts: readonly OrderContext[]): Array<SharedNumber | null> {
  const result: Array<SharedNumber | null> = new Array<SharedNumber | null>(contexts.length).fill(null);
  // Nearly every number is on one order: one pass only notes the numbers seen twice, and only those
  // (usually none) get a list in a second pass.
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { order } of contexts) {
    const number = order.trackingNumber;
    if (number === null || order.noLogistics) continue;
    const before = seen.size;
    if (seen.add(number).size === before) repeated.add(number);
  }
  if (repeated.size === 0) return result;
  const holders = new Map<string, number[]>();
  contexts.forEach(({ order }, index) => {
    const number = order.trackingNumber;
    if (number === null || order.noLogistics || !repeated.has(number)) return;
    const list = holders.get(number);
    if (list === undefined) holders.set(number, [index]);
    else list.push(index);
  });
  for (const [trackingNumber, indexes] of holders) {
    const receivers = new Set<string>();
    for (const index of indexes) {
      const { order } = contexts[index] as OrderContext;
      receivers.add(order.receiverKey ?? `unknown:${order.orderSn}`);
    }
    if (receivers.size < 2) continue;
    const orderSns = indexes.map((index) => (contexts[index] as OrderContext).order.orderSn).sort();
    const shared: SharedNumber = { trackingNumber, orderSns };
    for (const index of indexes) result[index] = shared;
  }
  return result;
}

function rejectedProducts(contexts: readonly OrderContext[], parcels: ReadonlyArray<TracedParcel | null>): RejectionsOfProduct[] {
  const byGoods = new Map<string, { goodsId: string; goodsName: string | null; nameOf: string; rejections: Array<{ orderSn: string; at: number }> }>();
  for (let index = 0; index < contexts.length; index += 1) {
    const { order } = contexts[index] as OrderContext;
    if (order.goodsId === null) continue;
    const rejection = rejectionOf(parcels[index] ?? null);
    if (rejection === null) continue;
    const product = byGoods.get(order.goodsId);
    if (product === undefined) {
      byGoods.set(order.goodsId, { goodsId: order.goodsId, goodsName: order.goodsName, nameOf: order.orderSn, rejections: [{ orderSn: order.orderSn, at: rejection.at }] });
      continue;
    }
    product.rejections.push({ orderSn: order.orderSn, at: rejection.at });
    // The name as the lowest order number has it: a renamed product reads the same in any order of rows.
    if (order.orderSn < product.nameOf) {
      product.nameOf = order.orderSn;
      product.goodsName = order.goodsName;
    }
  }
  return [...byGoods.values()].map(({ goodsId, goodsName, rejections }) => ({ goodsId, goodsName, rejections }));
}
