import { useLiveQuery } from 'dexie-react-hooks';
import type { SentinelDb } from '@/lib/db/schema';
import { instantFormatter } from '@/lib/explain/format-instant';
import { t } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/time/shanghai';

/** How many of the latest notifications the popup repeats. */
const SHOWN = 3;

/**
 * The latest desktop notifications, newest first, so a merchant who dismissed one can still see it. Read from
 * the notification log: a notification's own row names its orders (`orderSns`); the rows of the items it
 * covered do not, and are left out.
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
            <span className="muted">{format(row.sentAt)}</span> <b>{row.title}</b> {row.body}
          </li>
        ))}
      </ul>
    </section>
  );
}
