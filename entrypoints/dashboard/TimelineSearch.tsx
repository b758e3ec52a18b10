import { useState, type FormEvent } from 'react';
import { detailUrl } from '@/lib/console-urls';
import type { StoredOrder } from '@/lib/db/records';
import type { SentinelDb } from '@/lib/db/schema';
import { findOrders } from '@/lib/dashboard/find-orders';
import { timelineLine } from '@/lib/dashboard/timeline-lines';
import { errorMessage } from '@/lib/errors/error-message';
import { instantFormatter } from '@/lib/explain/format-instant';
import { t } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/time/shanghai';
import { orderTimeline, type TimelineEntry } from '@/lib/timeline/order-timeline';

type Search =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'not_found'; query: string }
  | { state: 'failed'; message: string }
  | { state: 'found'; orders: StoredOrder[]; selected: StoredOrder; entries: TimelineEntry[] };

/** Search by order or tracking number (key lookups), then everything known about the order in time order. */
export function TimelineSearch({ db, lang }: { db: SentinelDb | null; lang: Lang }) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });

  const show = async (orders: StoredOrder[], selected: StoredOrder) => {
    if (db === null) return;
    const entries = await orderTimeline(db, selected.shopId, selected.orderSn);
    setSearch({ state: 'found', orders, selected, entries });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (db === null || query.trim() === '') return;
    setSearch({ state: 'searching' });
    findOrders(db, query)
      .then((orders) => (orders.length === 0 ? setSearch({ state: 'not_found', query: query.trim() }) : show(orders, orders[0]!)))
      .catch((error: unknown) => setSearch({ state: 'failed', message: errorMessage(error) }));
  };
  const pick = (orders: StoredOrder[], order: StoredOrder) => {
    show(orders, order).catch((error: unknown) => setSearch({ state: 'failed', message: errorMessage(error) }));
  };

  const shopsFound = search.state === 'found' ? new Set(search.orders.map((order) => order.shopId)).size : 0;
  return (
    <div className="timeline-search">
      <form role="search" onSubmit={onSubmit} className="search-form">
        <label htmlFor="timeline-query">{t('dashboardSearchLabel', lang)}</label>
        <input
          id="timeline-query"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('dashboardSearchPlaceholder', lang)}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="primary" disabled={db === null}>
          {t('dashboardSearch', lang)}
        </button>
      </form>
      <p role="status" className="muted search-status" data-testid="timeline-status">
        {search.state === 'searching' && t('dashboardSearching', lang)}
        {search.state === 'not_found' && t('dashboardNotFound', lang, { q: search.query })}
        {search.state === 'found' && search.orders.length > 1 && t('dashboardFound', lang, { n: search.orders.length })}
      </p>
      {search.state === 'failed' && <p className="banner error">{t('dashboardSearchFailed', lang, { reason: search.message })}</p>}
      {search.state === 'found' && (
        <>
          {search.orders.length > 1 && (
            <div className="found-orders" aria-label={t('dashboardFound', lang, { n: search.orders.length })}>
              {search.orders.map((order) => (
                <button
                  key={`${order.shopId}/${order.orderSn}`}
                  type="button"
                  aria-pressed={order === search.selected}
                  onClick={() => pick(search.orders, order)}
                >
                  {order.orderSn}
                  {shopsFound > 1 && <span className="muted"> · {order.shopId}</span>}
                </button>
              ))}
            </div>
          )}
          <Timeline order={search.selected} entries={search.entries} lang={lang} />
        </>
      )}
    </div>
  );
}

function Timeline({ order, entries, lang }: { order: StoredOrder; entries: TimelineEntry[]; lang: Lang }) {
  const format = instantFormatter(lang);
  const title = t('dashboardTimelineOf', lang, { orderSn: order.orderSn });
  return (
    <section className="timeline" aria-label={title} data-testid="timeline" data-order-sn={order.orderSn} data-shop-id={order.shopId}>
      <h3>
        <span className="order-sn">{order.orderSn}</span>
        <span className="muted">{order.facts.goodsName ?? ''}</span>
        <a href={detailUrl(order.orderSn)} target="_blank" rel="noreferrer">
          {t('dashboardOpenOrder', lang)}
        </a>
      </h3>
      <ol>
        {entries.map((entry, index) => {
          const line = timelineLine(entry, lang, format);
          if (line === null) return null;
          return (
            <li key={index} data-type={entry.type} data-at={entry.at}>
              <time dateTime={new Date(entry.at).toISOString()}>{format(entry.at)}</time>
              <span className={`entry-label${line.severity === null ? '' : ` severity-${line.severity}`}`}>{line.label}</span>
              <span className="entry-detail">{line.detail}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
