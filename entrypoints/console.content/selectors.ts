// Every assumption about the console's markup lives here, each tested against saved stand-in HTML.
// Cards are found by the order number text, never by class names or position: class suffixes
// change with every beast-core release (lib/pdd/README.md § DOM clues).

/** `订单编号：260101-123456789012345` (also `订单号：`, with a half-width colon in older builds). */
export const ORDER_NUMBER_TEXT = /订单(?:编号|号)\s*[：:]\s*(\d{6}-\d{6,20})/;

/** Cheap pre-filter before the regex, applied to every text node we look at. */
export function hasOrderNumberLabel(text: string): boolean {
  return text.includes('订单编号') || text.includes('订单号');
}

/** The console's own app containers; we observe the whole body when none is found. */
export const APP_ROOT_SELECTORS = ['#mf-mms-orders-container', '#mf-mms-aftersales-container', '#pdd-app-skeleton-main-content'];

/** Pages whose cards we annotate. */
export const ANNOTATED_PATHS = ['/orders/list', '/aftersales/aftersale_list'];

/** A label and its number sit at most this many levels apart (`<span>订单编号：</span><span>2611…</span>`). */
const ANCHOR_DEPTH = 3;
/** An element holding more text than this is a whole card, not a header: never read a number from it. */
const MAX_HEADER_TEXT = 200;

/**
 * The element a card's badges follow: the element holding the order number's text. Starts from a text
 * node that carries the 订单编号 label and climbs a few levels to find the number next to it.
 */
export function orderNumberAnchor(text: Text): { orderSn: string; anchor: Element } | null {
  if (!hasOrderNumberLabel(text.data)) return null;
  let element = text.parentElement;
  for (let depth = 0; element !== null && depth < ANCHOR_DEPTH; depth += 1, element = element.parentElement) {
    const content = element.textContent ?? '';
    if (content.length > MAX_HEADER_TEXT) return null;
    const orderSn = ORDER_NUMBER_TEXT.exec(content)?.[1];
    if (orderSn !== undefined) return { orderSn, anchor: elementHoldingText(element, orderSn) ?? element };
  }
  return null;
}

/** The order number an anchor found earlier reads now (the console may reuse elements), or null. */
export function orderNumberAt(anchor: Element): string | null {
  let element: Element | null = anchor;
  for (let depth = 0; element !== null && depth < ANCHOR_DEPTH; depth += 1, element = element.parentElement) {
    const content = element.textContent ?? '';
    if (content.length > MAX_HEADER_TEXT) return null;
    const orderSn = ORDER_NUMBER_TEXT.exec(content)?.[1];
    if (orderSn !== undefined) return orderSn;
  }
  return null;
}

/** The closest ancestor within which a changed text node could complete a label and a number. */
export function headerScope(node: Node): Element | null {
  let element = node.parentElement;
  for (let depth = 1; element?.parentElement != null && depth < ANCHOR_DEPTH; depth += 1) element = element.parentElement;
  return element;
}

function elementHoldingText(root: Element, text: string): Element | null {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if ((node as Text).data.includes(text)) return node.parentElement;
  }
  return null;
}

/** Every order number anchor under `root`, in document order. */
export function findOrderAnchors(root: Node): Array<{ orderSn: string; anchor: Element }> {
  const found: Array<{ orderSn: string; anchor: Element }> = [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (hasOrderNumberLabel((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const hit = orderNumberAnchor(node as Text);
    if (hit !== null) found.push(hit);
  }
  return found;
}

export function isAnnotatedPath(pathname: string): boolean {
  return ANNOTATED_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}
