import { SESSION_KEYS, type BackgroundRequest } from '@/lib/messages/protocol';
import { browser } from 'wxt/browser';

export interface StoredPageHealth {
  tabId: number | null;
  shopId: string | null;
  url: string;
  at: number;
  health: Extract<BackgroundRequest, { type: 'page-health' }>['health'];
}

/** Keeps the latest self-diagnosis of the console tabs, so the popup can say when badges are paused. */
export async function recordPageHealth(
  tabId: number | null,
  request: Extract<BackgroundRequest, { type: 'page-health' }>,
): Promise<{ ok: true }> {
  const stored = await browser.storage.session.get(SESSION_KEYS.pageHealth);
  const byTab = (stored[SESSION_KEYS.pageHealth] as Record<string, StoredPageHealth> | undefined) ?? {};
  byTab[String(tabId)] = { tabId, shopId: request.shopId, url: request.url, at: Date.now(), health: request.health };
  await browser.storage.session.set({ [SESSION_KEYS.pageHealth]: byTab });
  return { ok: true };
}

/** A closed tab no longer pauses anything. */
export async function forgetTab(tabId: number): Promise<void> {
  const stored = await browser.storage.session.get(SESSION_KEYS.pageHealth);
  const byTab = (stored[SESSION_KEYS.pageHealth] as Record<string, StoredPageHealth> | undefined) ?? {};
  if (!(String(tabId) in byTab)) return;
  delete byTab[String(tabId)];
  await browser.storage.session.set({ [SESSION_KEYS.pageHealth]: byTab });
}
