import type { OrderView } from '@/lib/messages/protocol';
import { BADGE_HOST_TAG, createBadgeHost } from './badge-host';
import { renderBadges } from './badges';
import { findOrderAnchors } from './selectors';

interface Annotation {
  orderSn: string;
  host: HTMLElement;
  root: ShadowRoot;
}

/**
 * Finds order cards by their order number, gives each exactly one badge host, and renders the
 * orders the background has told us about. New and re-rendered cards are found by one
 * MutationObserver; nothing polls the DOM.
 */
export class Annotator {
  private readonly views = new Map<string, OrderView>();
  private readonly annotations = new Map<Element, Annotation>();
  private scanQueued = false;

  constructor(private readonly root: Node) {}

  start(signal: AbortSignal): void {
    const observer = new MutationObserver(() => this.queueScan());
    observer.observe(this.root, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect());
    this.scan();
  }

  update(views: readonly OrderView[]): void {
    for (const view of views) this.views.set(view.orderSn, view);
    this.scan();
  }

  /** Cards currently on screen, by order number. */
  cardsOnScreen(): string[] {
    return [...this.annotations.values()].filter((a) => a.host.isConnected).map((a) => a.orderSn);
  }

  knownOrders(): number {
    return this.views.size;
  }

  private queueScan(): void {
    if (this.scanQueued) return;
    this.scanQueued = true;
    queueMicrotask(() => {
      this.scanQueued = false;
      this.scan();
    });
  }

  private scan(): void {
    for (const [anchor, annotation] of this.annotations) {
      if (!anchor.isConnected) this.annotations.delete(anchor);
    }
    for (const { orderSn, anchor } of findOrderAnchors(this.root)) {
      if (anchor.closest(BADGE_HOST_TAG) !== null) continue;
      let annotation = this.annotations.get(anchor);
      if (annotation !== undefined && annotation.orderSn !== orderSn) {
        annotation.host.remove();
        annotation = undefined;
      }
      const view = this.views.get(orderSn);
      if (view === undefined) continue;
      if (annotation === undefined || !annotation.host.isConnected) {
        const { host, root } = createBadgeHost(orderSn);
        anchor.after(host);
        annotation = { orderSn, host, root };
        this.annotations.set(anchor, annotation);
      }
      renderBadges(annotation.root, view);
    }
  }
}
