// What the background keeps in storage.session for the extension pages, as typed WXT storage items (this
// module calls WXT's storage library). Never imported by content scripts: storage.session is closed to them.
import { storage } from 'wxt/utils/storage';
import type { PageHealth } from './protocol';

export interface StoredPageHealth {
  tabId: number | null;
  shopId: string | null;
  url: string;
  at: number;
  health: PageHealth;
}

/** The latest self-diagnosis of each console tab, by tab id. */
export const pageHealthItem = storage.defineItem<Record<string, StoredPageHealth>>('session:pageHealth', { fallback: {} });

export interface DbOpenFailure {
  reason: string;
  message: string;
  at: number;
}

/** Set while the worker cannot open the database; removed once it can. */
export const dbOpenFailureItem = storage.defineItem<DbOpenFailure>('session:dbOpenFailure');
