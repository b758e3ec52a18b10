// The popup's state: what is shown (the chip, the search, how many rows, whether the muted group is open), the
// clock every row counts down from, and the data read for it (lib/db/popup-rows.ts): read at once, then kept
// live with Dexie's liveQuery so a capture or a poll in the background shows at once. 稍后提醒, 已处理 and 撤销 write the
// shared mutes (local:notificationMutes), which the notifier follows too.
import { liveQuery, type Subscription } from 'dexie';
import { createStore, type StoreApi } from 'zustand';
import { afterNextPaint } from './after-next-paint';
import { errorMessage, logFailure } from '@/lib/errors/error-message';
import { readPopupCounts, readPopupHead, readPopupView, type PopupCounts, type PopupHead, type PopupView } from '@/lib/db/popup-rows';
import type { StoredOrder } from '@/lib/db/records';
import type { SentinelDb } from '@/lib/db/schema';
import type { FindingKind } from '@/lib/findings/registry';
import {
  changeStoredMutes,
  EMPTY_MUTES,
  loadMutes,
  markHandled,
  mutesItem,
  readMutes,
  snoozeEnd,
  snoozeKind,
  snoozeOrders,
  unmuteKind,
  unmuteOrders,
  type SnoozeChoice,
} from '@/lib/notifications/mutes-item';
import type { Mutes } from '@/lib/notifications/types';

/** Rows in a page; 显示更多 adds as many. */
export const PAGE_SIZE = 50;

/** The first read: what the popup paints at once. */
export interface PopupData {
  head: PopupHead;
  view: PopupView;
}

export interface PopupState {
  phase: 'loading' | 'ready' | 'failed';
  /** Why the data could not be read (phase failed), or why a 稍后提醒/已处理 was not saved. */
  error: string | null;
  actionError: string | null;
  now: number;
  mutes: Mutes;
  kind: FindingKind | null;
  search: string;
  limit: number;
  mutedOpen: boolean;
  data: PopupData | null;
  /** The second read, started once the first has shown (null until then). */
  counts: PopupCounts | null;
  /** Starts reading from `db` (and following the mutes); returns the stop. */
  start: (db: SentinelDb) => () => void;
  setKind: (kind: FindingKind | null) => void;
  setSearch: (search: string) => void;
  showMore: () => void;
  toggleMuted: () => void;
  /** The one timer of the popup: moves the clock; a snooze that ran out brings its order back. */
  tick: () => void;
  /** 稍后提醒: an hour by default, as the notifications' button. */
  snooze: (order: StoredOrder, choice?: SnoozeChoice) => Promise<void>;
  markHandled: (order: StoredOrder) => Promise<void>;
  undo: (order: StoredOrder) => Promise<void>;
  /** 此类稍后提醒: mutes this kind's notifications (the rows stay listed); `null` unmutes it. */
  snoozeKind: (kind: FindingKind, choice: SnoozeChoice | null) => Promise<void>;
}

export type PopupStore = StoreApi<PopupState>;

/** `clock` is the popup's one clock and `timeZone` the merchant's (明早 is their 9:00); tests give their own. */
export function createPopupStore(clock: () => number = Date.now, timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone): PopupStore {
  let db: SentinelDb | null = null;
  let subscription: Subscription | null = null;
  let countsSubscription: Subscription | null = null;
  // Read from the start, in parallel with the database's open: the first rows need them.
  const storedMutes = loadMutes().catch((error: unknown) => {
    logFailure('reading the mutes')(error);
    return EMPTY_MUTES;
  });
  /** The clock the data was read at: snoozes ending after it are still muted in it. */
  let readAt = 0;
  /** Counts the reads started: a read's answer is shown only while it is the latest. */
  let reads = 0;

  return createStore<PopupState>((set, get) => {
    const read = () => {
      subscription?.unsubscribe();
      subscription = null;
      countsSubscription?.unsubscribe();
      countsSubscription = null;
      if (db === null) return;
      const source = db;
      const { kind, search, limit, mutes } = get();
      readAt = get().now;
      const at = readAt;
      const readNumber = ++reads;
      const latest = () => readNumber === reads;
      const readData = async (): Promise<PopupData> => {
        const [head, view] = await Promise.all([readPopupHead(source), readPopupView(source, { kind, search, limit }, mutes, at)]);
        return { head, view };
      };
      const failed = (error: unknown) => {
        if (latest()) set({ phase: 'failed', error: errorMessage(error) });
      };
      // Then follow the changes (liveQuery's first answer is that read again) and read the larger counts; on
      // opening, only once the first rows are painted: started earlier, their reads run before that frame.
      const follow = () => {
        if (!latest()) return;
        subscription = liveQuery(readData).subscribe({
          next: (data) => {
            if (latest()) set({ data, phase: 'ready', error: null });
          },
          error: failed,
        });
        countsSubscription = liveQuery(() => readPopupCounts(source, mutes, at)).subscribe({
          next: (counts) => {
            if (latest()) set({ counts });
          },
          error: logFailure('reading the popup counts'),
        });
      };
      // Once open, liveQuery's first answer is the read: reading it here as well would query twice.
      if (get().data !== null) {
        follow();
        return;
      }
      // Opening, read at once: liveQuery's own first read waits for a task of its own, behind the page's first frames.
      readData().then((data) => {
        if (!latest()) return;
        set({ data, phase: 'ready', error: null });
        afterNextPaint(follow);
      }, failed);
    };
    const change = async (update: (mutes: Mutes, now: number) => Mutes) => {
      const now = clock();
      // Shown at once; the stored value follows (and comes back through the watch).
      set({ mutes: update(get().mutes, now), now, actionError: null });
      read();
      try {
        set({ mutes: await changeStoredMutes((stored) => update(stored, now)) });
      } catch (error) {
        set({ actionError: errorMessage(error) });
      }
    };
    return {
      phase: 'loading',
      error: null,
      actionError: null,
      now: clock(),
      mutes: EMPTY_MUTES,
      kind: null,
      search: '',
      limit: PAGE_SIZE,
      mutedOpen: false,
      data: null,
      counts: null,
      start: (source) => {
        db = source;
        let stopped = false;
        const unwatch = mutesItem.watch((stored) => {
          const mutes = readMutes(stored);
          // The popup's own 稍后提醒/已处理 come back here once stored: already shown and read, not read again.
          if (JSON.stringify(mutes) === JSON.stringify(get().mutes)) return;
          set({ mutes });
          read();
        });
        storedMutes
          .then((mutes) => {
            if (stopped) return;
            set({ mutes, now: clock() });
            read();
          })
          .catch(logFailure('reading the popup data'));
        return () => {
          stopped = true;
          // A read still running answers into nothing.
          reads += 1;
          unwatch();
          subscription?.unsubscribe();
          countsSubscription?.unsubscribe();
          subscription = null;
          countsSubscription = null;
          db = null;
        };
      },
      setKind: (kind) => {
        set({ kind: get().kind === kind ? null : kind, limit: PAGE_SIZE });
        read();
      },
      setSearch: (search) => {
        set({ search, limit: PAGE_SIZE });
        read();
      },
      showMore: () => {
        set({ limit: get().limit + PAGE_SIZE });
        read();
      },
      toggleMuted: () => {
        set({ mutedOpen: !get().mutedOpen });
      },
      tick: () => {
        const now = clock();
        set({ now });
        const ended = Object.values(get().mutes.orders).some((end) => end > readAt && end <= now);
        if (ended) read();
      },
      snooze: (order, choice = 'hour') => {
        return change((mutes, now) => snoozeOrders(mutes, order.shopId, [order.orderSn], snoozeEnd(choice, now, timeZone), now));
      },
      markHandled: (order) => {
        return change((mutes, now) => markHandled(mutes, order.shopId, [order.orderSn], now));
      },
      undo: (order) => {
        return change((mutes) => unmuteOrders(mutes, order.shopId, [order.orderSn]));
      },
      snoozeKind: (kind, choice) => {
        return change((mutes, now) => (choice === null ? unmuteKind(mutes, kind) : snoozeKind(mutes, kind, snoozeEnd(choice, now, timeZone), now)));
      },
    };
  });
}
