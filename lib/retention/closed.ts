// When an order is "closed" for retention: nothing more will happen to it on the platform's side
// except, rarely, a late after-sales case (which a new capture would show, moving closedAt forward).
import type { OrderFacts } from '../facts/facts';

export function isClosedOrder(facts: OrderFacts): boolean {
  return facts.state === 'received' || facts.state === 'cancelled' || facts.refunded;
}

export const DEFAULT_RETENTION_DAYS = 180;
