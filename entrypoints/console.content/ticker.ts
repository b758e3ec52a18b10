import { HOUR_MS, MINUTE_MS, SECOND_MS } from '@/lib/time/shanghai';

/** Something on screen whose text depends on the time. */
export interface Ticking {
  /** Earliest instant this item counts down to, or null when it does not count. */
  dueAt: number | null;
  update(now: number): void;
  isConnected(): boolean;
}

/**
 * The one timer of the page: every minute, every second while anything is due within the hour,
 * paused while the tab is hidden. Badges register here; nothing else runs a timer per row.
 */
export class Ticker {
  private readonly items = new Set<Ticking>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly clock: () => number = Date.now,
  ) {}

  start(signal: AbortSignal): void {
    this.doc.addEventListener('visibilitychange', () => this.reschedule(), { signal });
    signal.addEventListener('abort', () => this.stop());
    this.reschedule();
  }

  add(item: Ticking): void {
    this.items.add(item);
    this.reschedule();
  }

  /** Runs one tick now; returns how many items were updated. */
  tick(): number {
    const now = this.clock();
    let updated = 0;
    for (const item of this.items) {
      if (!item.isConnected()) {
        this.items.delete(item);
        continue;
      }
      item.update(now);
      updated += 1;
    }
    return updated;
  }

  private stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private reschedule(): void {
    this.stop();
    if (this.doc.visibilityState === 'hidden' || this.items.size === 0) return;
    const now = this.clock();
    const step = this.secondsMatter(now) ? SECOND_MS : MINUTE_MS;
    // Align to the step so every badge changes at the same visible moment.
    this.timer = setTimeout(() => {
      this.tick();
      this.reschedule();
    }, step - (now % step) + 5);
  }

  private secondsMatter(now: number): boolean {
    for (const item of this.items) {
      if (item.dueAt !== null && Math.abs(item.dueAt - now) < HOUR_MS) return true;
    }
    return false;
  }
}
