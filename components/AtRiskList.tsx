import { useLiveQuery } from 'dexie-react-hooks';
import { queryAtRisk } from '@/lib/db/at-risk';
import type { StoredOrder } from '@/lib/db/records';
import type { SentinelDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/messages';
import { KIND_LABELS } from '@/lib/findings/registry';
import { SEVERITY_RANK } from '@/lib/findings/severity';
import { formatRemaining, type Lang } from '@/lib/time/shanghai';
import { detailUrl } from '@/lib/console-urls';

interface Props {
  db: SentinelDb;
  lang: Lang;
  now: number;
  limit: number;
}

/** The at-risk orders, most urgent first, each with its open findings and a link to the console. */
export function AtRiskList({ db, lang, now, limit }: Props) {
  const orders = useLiveQuery(() => queryAtRisk(db, null, limit), [db, limit]);
  if (orders === undefined) return null;
  if (orders.length === 0) return <p className="muted" style={{ padding: '0 12px' }}>{t('atRiskNone', lang)}</p>;
  return (
    <ul className="at-risk" data-testid="at-risk-list">
      {orders.map((order) => (
        <AtRiskRow key={`${order.shopId}/${order.orderSn}`} order={order} lang={lang} now={now} />
      ))}
    </ul>
  );
}

function AtRiskRow({ order, lang, now }: { order: StoredOrder; lang: Lang; now: number }) {
  const findings = order.findings.filter((finding) => finding.closedAt === null).sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  return (
    <li data-order-sn={order.orderSn}>
      <a className="order-sn" href={detailUrl(order.orderSn)} target="_blank" rel="noreferrer">
        {order.orderSn}
      </a>
      <span className="muted">{order.facts.goodsName ?? ''}</span>
      <span className="findings">
        {findings.map((finding) => (
          <span key={finding.kind} className={`severity-${finding.severity}`} data-kind={finding.kind}>
            {KIND_LABELS[finding.kind][lang]}
            {finding.dueAt !== null &&
              ` ${t(finding.dueAt >= now ? 'remaining' : 'overdue', lang, { t: formatRemaining(Math.abs(finding.dueAt - now), lang) })}`}
          </span>
        ))}
      </span>
    </li>
  );
}
