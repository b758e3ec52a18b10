// Which situations the synthetic shop contains, and how often. Every clock and anomaly kind of
// lib/findings/README.md has at least one scenario; most orders are ordinary (waiting, in transit, received).

import { weightedPicker, type Random } from './random';

interface ScenarioSpec {
  /** Share of occurrences, in percent (roughly; normalized when drawing). */
  weight: number;
  /** Orders one occurrence produces (a duplicate-number pair is two orders). */
  orders: number;
}

export const SCENARIOS = {
  // Ordinary orders: the bulk of the shop.
  received: { weight: 30, orders: 1 },
  in_transit: { weight: 20, orders: 1 },
  unshipped_hours_left: { weight: 16, orders: 1 },
  delivered: { weight: 8, orders: 1 },
  unshipped_due_soon: { weight: 4, orders: 1 },
  shipped_no_pickup: { weight: 3, orders: 1 },
  cancelled: { weight: 2, orders: 1 },
  proxy_signed: { weight: 2, orders: 1 },
  refunded_unshipped: { weight: 1.5, orders: 1 },
  unshipped_critical: { weight: 1, orders: 1 },
  overdue_unshipped: { weight: 1, orders: 1 },
  urged_unshipped: { weight: 1, orders: 1 },
  shipped_late: { weight: 1, orders: 1 },
  stalled: { weight: 1, orders: 1 },
  after_sale_waiting: { weight: 0.8, orders: 1 },
  early_upload: { weight: 0.6, orders: 1 },
  delivery_problem: { weight: 0.6, orders: 1 },
  instant_refund: { weight: 0.6, orders: 1 },
  risk_hold: { weight: 0.5, orders: 1 },
  no_need_ship: { weight: 0.5, orders: 1 },
  logistics_refund: { weight: 0.5, orders: 1 },
  rejected: { weight: 0.4, orders: 1 },
  tracking_invalid: { weight: 0.4, orders: 1 },
  intercept_parcel: { weight: 0.4, orders: 1 },
  after_sale_buyer_return: { weight: 0.4, orders: 1 },
  returning: { weight: 0.3, orders: 1 },
  destination_mismatch: { weight: 0.3, orders: 1 },
  timeout_auto_refund: { weight: 0.3, orders: 1 },
  after_sale_due_soon: { weight: 0.3, orders: 1 },
  merged_shipment: { weight: 0.3, orders: 2 },
  duplicate_tracking: { weight: 0.1, orders: 2 },
  rejection_cluster: { weight: 0.03, orders: 3 },
} as const satisfies Record<string, ScenarioSpec>;

export type ScenarioId = keyof typeof SCENARIOS;

export const SCENARIO_IDS = Object.keys(SCENARIOS) as ScenarioId[];

/** From this size on, every scenario appears at least once. */
export const FULL_COVERAGE_SIZE = 40;

/**
 * The scenario occurrences of a shop of `size` orders, adding up to exactly `size` orders. One of
 * each scenario first, in the order above (most common first) while they fit; the rest drawn by
 * weight. At FULL_COVERAGE_SIZE the first pass always fits completely.
 */
export function planScenarios(random: Random, size: number): ScenarioId[] {
  const plan: ScenarioId[] = [];
  let remaining = size;
  for (const id of SCENARIO_IDS) {
    if (SCENARIOS[id].orders <= remaining) {
      plan.push(id);
      remaining -= SCENARIOS[id].orders;
    }
  }
  const any = weightedPicker(SCENARIO_IDS, (id) => SCENARIOS[id].weight);
  const single = weightedPicker(
    SCENARIO_IDS.filter((id) => SCENARIOS[id].orders === 1),
    (id) => SCENARIOS[id].weight,
  );
  while (remaining > 0) {
    let id = any(random);
    if (SCENARIOS[id].orders > remaining) id = single(random);
    plan.push(id);
    remaining -= SCENARIOS[id].orders;
  }
  return plan;
}
