import { useLiveQuery } from 'dexie-react-hooks';
import type { StoredNotification } from '@/lib/db/records';
import type { SentinelDb } from '@/lib/db/schema';
import { logFailure } from '@/lib/errors/error-message';
import { instantFormatter } from '@/lib/explain/format-instant';
import { t } from '@/lib/i18n/messages';
import { sendMessage } from '@/lib/messages/protocol';
import type { Lang } from '@/lib/time/shanghai';

/** How many of the latest notifications the popup repeats. */
const SHOWN = 3;

/** A click opens what the notification's own click opens (the worker's path): its order's detail page, or the list for a digest. */
function openNotification(row: StoredNotification): void {
  sendMessage('openNotification', { shopId: row.shopId, key: row.key }).catch(logFailure('opening the order of a notification'));
}

/**
 * The latest desktop notifications, newest first, so a merchant who dismissed one can still see it and open
 * it. Read from the notification log: a notification's own row names its orders (`orderSns`); the rows of the
 * items it covered do not, and are left out.
 */
export function RecentNotifications({ db, lang }: { db: SentinelDb; lang: Lang }) {
  const rows = useLiveQuery(
    () =>
      db.notifications
        .orderBy('sentAt')
        .reverse()
        .filter((row) => row.orderSns !== undefined)
        .limit(SHOWN)
        .toArray(),
    [db],
  );
  if (rows === undefined || rows.length === 0) return null;
  const format = instantFormatter(lang);
  return (
    <section className="recent-notifications" data-testid="recent-notifications" aria-label={t('recentNotifications', lang)}>
      <h2>{t('recentNotifications', lang)}</h2>
      <ul>
        {rows.map((row) => (
          <li key={`${row.shopId}/${row.key}/${row.sentAt}`}>
            <button type="button" className="recent-notification" title={t('popupOpenNotification', lang)} onClick={() => openNotification(row)}>
              <span className="muted">{format(row.sentAt)}</span> <b>{row.title}</b> {row.body}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
