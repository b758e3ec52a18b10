import type { OrderView } from '@/lib/messages/protocol';

const dateTime = new Intl.DateTimeFormat(undefined, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** Draws one order's badges into its shadow root, replacing what was there. */
export function renderBadges(root: ShadowRoot, view: OrderView): void {
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.dataset.kind = 'promise_ship';
  badge.textContent = view.promiseShipAt === null ? '承诺发货 —' : `承诺发货 ${dateTime.format(view.promiseShipAt)}`;
  root.replaceChildren(badge);
}
