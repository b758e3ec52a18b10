import type { PageHealthReport } from '@/lib/messages/protocol';
import { pageHealthItem } from '@/lib/messages/session-state';

/** Keeps the latest self-diagnosis of the console tabs, so the popup can say when badges are paused. */
export async function recordPageHealth(tabId: number | null, report: PageHealthReport): Promise<void> {
  // A copy: with nothing stored, the item hands out its shared fallback object.
  const byTab = { ...(await pageHealthItem.getValue()) };
  byTab[String(tabId)] = { tabId, shopId: report.shopId, url: report.url, at: Date.now(), health: report.health };
  await pageHealthItem.setValue(byTab);
}

/** A closed tab no longer pauses anything. */
export async function forgetTab(tabId: number): Promise<void> {
  const byTab = { ...(await pageHealthItem.getValue()) };
  if (!(String(tabId) in byTab)) return;
  delete byTab[String(tabId)];
  await pageHealthItem.setValue(byTab);
}
