// What a captured after-sales case means for the stored one, and which changes go into the order's
// history. Pure, like order-update.ts.
import type { AfterSaleFacts } from '../facts/facts';
import type { ChangeValue, StoredAfterSale, StoredChange } from '../db/records';

/**
 * Fields whose changes are history lines. `expireRemainMs` and `capturedAt` are left out on purpose: the
 * remaining time shrinks between any two captures without anything having happened.
 */
const TRACKED_FIELDS = [
  'kind',
  'statusCode',
  'statusText',
  'closedAt',
  'actions',
  'refundAmountCents',
  'reverseTrackingNumber',
  'expireActionDesc',
  'reasonText',
] as const satisfies ReadonlyArray<keyof AfterSaleFacts>;

type TrackedField = (typeof TRACKED_FIELDS)[number];

function valueOf(facts: AfterSaleFacts, field: TrackedField): ChangeValue {
  const value = facts[field];
  return Array.isArray(value) ? value.join(',') : value;
}

export type AfterSaleUpdate =
  | { kind: 'stale' }
  | { kind: 'unchanged' }
  | { kind: 'new' | 'changed' | 'seen'; next: StoredAfterSale; changes: StoredChange[] };

export function planAfterSaleUpdate(
  shopId: string,
  previous: StoredAfterSale | undefined,
  facts: AfterSaleFacts,
  capturedAt: number,
): AfterSaleUpdate {
  const field = (name: string) => `after_sale:${facts.id}:${name}`;
  if (previous === undefined) {
    const next: StoredAfterSale = {
      shopId,
      id: facts.id,
      orderSn: facts.orderSn,
      facts,
      factsAt: capturedAt,
      firstSeenAt: capturedAt,
      lastSeenAt: capturedAt,
    };
    const change: StoredChange = {
      shopId,
      orderSn: facts.orderSn,
      at: capturedAt,
      field: field('first_seen'),
      category: 'after_sale',
      from: null,
      to: facts.statusText,
      source: 'afterSalesList',
    };
    return { kind: 'new', next, changes: [change] };
  }
  if (capturedAt < previous.factsAt) return { kind: 'stale' };
  if (capturedAt === previous.factsAt && JSON.stringify(previous.facts) === JSON.stringify(facts)) return { kind: 'unchanged' };

  const changes: StoredChange[] = [];
  for (const name of TRACKED_FIELDS) {
    const from = valueOf(previous.facts, name);
    const to = valueOf(facts, name);
    if (from === to) continue;
    changes.push({
      shopId,
      orderSn: facts.orderSn,
      at: capturedAt,
      field: field(name),
      category: 'after_sale',
      from,
      to,
      source: 'afterSalesList',
    });
  }
  const next: StoredAfterSale = {
    ...previous,
    orderSn: facts.orderSn,
    facts,
    factsAt: capturedAt,
    lastSeenAt: Math.max(previous.lastSeenAt, capturedAt),
  };
  // The latest facts are stored either way: the remaining time counts from the latest capture.
  return { kind: changes.length > 0 ? 'changed' : 'seen', next, changes };
}
