import type { SentinelDb } from '@/lib/db/schema';
import { countAtRisk } from '@/lib/db/at-risk';
import { browser } from 'wxt/browser';

/** The toolbar icon shows how many orders need attention (warn or worse), across shops. */
export async function refreshToolbarCount(db: SentinelDb): Promise<void> {
  const count = await countAtRisk(db, null);
  await browser.action.setBadgeBackgroundColor({ color: '#cf1322' });
  await browser.action.setBadgeText({ text: count === 0 ? '' : count > 999 ? '999+' : String(count) });
}
