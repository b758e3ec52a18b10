import type { SentinelDb } from '@/lib/db/schema';
import { countAtRisk } from '@/lib/db/at-risk';
import { resolveLanguage, t } from '@/lib/i18n/messages';
import { browserLanguage } from '@/lib/notifications/notifier-inputs';
import { loadSettings } from '@/lib/settings/settings-item';
import { browser } from 'wxt/browser';

export const BREACHED_COLOUR = '#cf1322';
export const CRITICAL_COLOUR = '#fa8c16';

/**
 * The toolbar icon counts the orders at critical or breached, across shops (two index counts): red when
 * any is breached, orange otherwise, empty when there is none; its tooltip says what it counts.
 */
export async function refreshToolbarCount(db: SentinelDb): Promise<void> {
  const [count, breached, { settings }] = await Promise.all([countAtRisk(db, null, 'critical'), countAtRisk(db, null, 'breached'), loadSettings()]);
  const lang = resolveLanguage(settings.language, browserLanguage());
  await browser.action.setBadgeBackgroundColor({ color: breached > 0 ? BREACHED_COLOUR : CRITICAL_COLOUR });
  await browser.action.setBadgeText({ text: count === 0 ? '' : count > 999 ? '999+' : String(count) });
  await browser.action.setTitle({ title: count === 0 ? t('toolbarTitleNone', lang) : t('toolbarTitle', lang, { n: count }) });
}
