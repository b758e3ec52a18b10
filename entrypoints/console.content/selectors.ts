// Every assumption about the console's markup lives here, each tested against saved stand-in HTML.
// Cards are found by the order number text, never by class names or position: class suffixes
// change with every beast-core release (pdd-rules §3.7).

/** `订单编号：260101-123456789012345` (also `订单号：`, with a half-width colon in older builds). */
export const ORDER_NUMBER_TEXT = /订单(?:编号|号)\s*[：:]\s*(\d{6}-\d{6,20})/;

/** Cheap pre-filter before the regex, applied to every text node we look at. */
export const ORDER_NUMBER_HINT = '订单';

/** The console's own app containers; we observe the whole body when none is found. */
export const APP_ROOT_SELECTORS = ['#mf-mms-orders-container', '#mf-mms-aftersales-container', '#pdd-app-skeleton-main-content'];

/** Pages whose cards we annotate. */
export const ANNOTATED_PATHS = ['/orders/list', '/aftersales/aftersale_list'];

/**
 * The element a card's badges follow: the smallest element whose own text carries the order number.
 * Returns the order number and that element, or null when the text node is not an order number.
 */
export function orderNumberAnchor(text: Text): { orderSn: string; anchor: Element } | null {
  if (!text.data.includes(ORDER_NUMBER_HINT)) return null;
  const anchor = text.parentElement;
  if (anchor === null) return null;
  // The label and the number may sit in sibling nodes (`<span>订单编号：</span><span>2601…</span>`).
  const ownText = anchor.textContent ?? '';
  const match = ORDER_NUMBER_TEXT.exec(ownText.length <= MAX_LABEL_TEXT ? ownText : text.data);
  if (match?.[1] === undefined) return null;
  return { orderSn: match[1], anchor };
}

/** A header element holding more text than this is a whole card, not a label. */
const MAX_LABEL_TEXT = 120;

/** Every order number anchor under `root`, in document order. */
export function findOrderAnchors(root: Node): Array<{ orderSn: string; anchor: Element }> {
  const found: Array<{ orderSn: string; anchor: Element }> = [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => ((node as Text).data.includes(ORDER_NUMBER_HINT) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
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
