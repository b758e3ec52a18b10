import type { OrderView } from '@/lib/messages/protocol';
import { BADGE_HOST_TAG } from './badge-host';
import { findOrderAnchors, headerScope, orderNumberAt } from './selectors';

/** Draws (or redraws) one order's badges next to one anchor; `null` removes them. */
export type DrawOrder = (anchor: Element, view: OrderView | null) => void;

/**
 * Finds order cards by their order number and hands each (anchor, order) pair to `draw` once per
 * new anchor or new data. One MutationObserver looks only at what was added; nothing polls the DOM.
 */
export class Annotator {
  private readonly views = new Map<string, OrderView>();
  /** Every order-number anchor seen, by order number, whether or not we have data for it yet. */
  private readonly anchors = new Map<string, Set<Element>>();
  private readonly drawn = new WeakMap<Element, OrderView>();
  private readonly orderOfAnchor = new WeakMap<Element, string>();

  constructor(
    private readonly root: Node,
    private readonly draw: DrawOrder,
    private readonly onChange: () => void,
  ) {}

  start(signal: AbortSignal): void {
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(this.root, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect());
    this.register(findOrderAnchors(this.root));
  }

  /** New data from the background: draw it wherever its cards already are. */
  update(views: readonly OrderView[]): void {
    for (const view of views) {
      this.views.set(view.orderSn, view);
      for (const anchor of this.anchors.get(view.orderSn) ?? []) this.drawIfNeeded(anchor, view);
    }
    this.onChange();
  }

  /** Draws every known card again (after a settings change). */
  redrawAll(): void {
    for (const [orderSn, anchors] of this.anchors) {
      const view = this.views.get(orderSn);
      if (view === undefined) continue;
      for (const anchor of anchors) {
        this.drawn.delete(anchor);
        if (anchor.isConnected) this.drawIfNeeded(anchor, view);
      }
    }
  }

  /** Order numbers with a card on screen right now. */
  orderNumbersOnScreen(): Set<string> {
    const onScreen = new Set<string>();
    for (const [orderSn, anchors] of this.anchors) {
      for (const anchor of anchors) {
        if (anchor.isConnected) onScreen.add(orderSn);
        else anchors.delete(anchor);
      }
      if (anchors.size === 0) this.anchors.delete(orderSn);
    }
    return onScreen;
  }

  private onMutations(records: MutationRecord[]): void {
    const scopes = new Set<Node>();
    for (const record of records) {
      if (record.type === 'characterData') {
        this.textChanged(record.target, scopes);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE) this.textChanged(node, scopes);
        else if (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName !== BADGE_HOST_TAG) scopes.add(node);
      }
    }
    const found: Array<{ orderSn: string; anchor: Element }> = [];
    for (const scope of scopes) found.push(...findOrderAnchors(scope));
    if (found.length > 0) this.register(found);
  }

  /**
   * Text replaced in place (the console reusing a card for another order): an anchor that no longer
   * reads its order number loses its badge, and the header around the text is searched again.
   */
  private textChanged(text: Node, scopes: Set<Node>): void {
    for (let element = text.parentElement, depth = 0; element !== null && depth < 3; element = element.parentElement, depth += 1) {
      const registered = this.orderOfAnchor.get(element);
      if (registered !== undefined && orderNumberAt(element) !== registered) this.forget(element, registered);
    }
    const scope = headerScope(text);
    if (scope !== null) scopes.add(scope);
  }

  private forget(anchor: Element, orderSn: string): void {
    this.anchors.get(orderSn)?.delete(anchor);
    this.orderOfAnchor.delete(anchor);
    this.drawn.delete(anchor);
    this.draw(anchor, null);
  }

  private register(found: ReadonlyArray<{ orderSn: string; anchor: Element }>): void {
    for (const { orderSn, anchor } of found) {
      if (anchor.closest(BADGE_HOST_TAG) !== null) continue;
      const previous = this.orderOfAnchor.get(anchor);
      // The console reused the element for another order: the old badge must go, whatever comes next.
      if (previous !== undefined && previous !== orderSn) this.forget(anchor, previous);
      this.orderOfAnchor.set(anchor, orderSn);
      let set = this.anchors.get(orderSn);
      if (set === undefined) this.anchors.set(orderSn, (set = new Set()));
      set.add(anchor);
      const view = this.views.get(orderSn);
      if (view !== undefined) this.drawIfNeeded(anchor, view);
    }
    this.onChange();
  }

  private drawIfNeeded(anchor: Element, view: OrderView): void {
    if (this.drawn.get(anchor) === view && anchor.nextElementSibling?.localName === BADGE_HOST_TAG) return;
    this.drawn.set(anchor, view);
    this.draw(anchor, view);
  }
}
