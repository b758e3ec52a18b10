import { useEffect, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '@/components/use-database';
import { useSettings } from '@/components/settings-store';
import { ORDER_LIST_URL } from '@/lib/console-urls';
import { breachChartOption, riskChartOption } from '@/lib/dashboard/chart-options';
import { formatShare } from '@/lib/dashboard/format';
import { countAtRisk } from '@/lib/db/at-risk';
import { shopLabelOf } from '@/lib/db/records';
import { shopKeyRange, type SentinelDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/time/shanghai';
import { workerRunner } from './aggregate-runner';
import { useDashboard, type AggregateRunner, type AggregateState } from './dashboard-store';
import { ScorecardTable } from './ScorecardTable';
import { TimelineSearch } from './TimelineSearch';
import { TrendChart } from './TrendChart';

/** Orders of one shop, or of all: counts by key range, never a scan of the rows. */
async function countOrders(db: SentinelDb, shopId: string | null): Promise<number> {
  return db.orders.where(':id').between(...shopKeyRange(shopId), true, true).count();
}

export function Dashboard({ runner = workerRunner }: { runner?: AggregateRunner }) {
  const database = useDatabase();
  const { lang, load } = useSettings();
  const { shopId, aggregate, setShop, refresh } = useDashboard();
  useEffect(() => {
    void load();
  }, [load]);
  const db = database.state === 'open' ? database.db : null;
  const shops = useLiveQuery(async () => (db === null ? undefined : db.shops.toArray()), [db]);
  const stored = useLiveQuery(async () => (db === null ? undefined : countOrders(db, shopId)), [db, shopId]);
  const atRisk = useLiveQuery(async () => (db === null ? undefined : countAtRisk(db, shopId)), [db, shopId]);
  const hasHistory = stored === undefined ? null : stored > 0;
  useEffect(() => {
    if (db !== null && hasHistory === true) refresh(runner, Date.now());
  }, [db, shopId, hasHistory, runner, refresh]);
  useEffect(() => {
    document.title = t('dashboardTitle', lang);
  }, [lang]);
  const ready = aggregate.status === 'ready' ? aggregate.aggregate : null;

  return (
    <div className="dashboard">
      <header className="page-header dashboard-header">
        <img src="/icon/32.png" alt="" />
        <h1>{t('dashboardTitle', lang)}</h1>
        <span className="muted">{t('dashboardWindow', lang)}</span>
        <span className="spacer" />
        {shops !== undefined && shops.length > 1 && (
          <label className="shop-select">
            {t('dashboardShop', lang)}
            <select value={shopId ?? ''} onChange={(event) => setShop(event.target.value === '' ? null : event.target.value)}>
              <option value="">{t('dashboardAllShops', lang)}</option>
              {shops.map((shop) => (
                <option key={shop.shopId} value={shop.shopId}>
                  {shopLabelOf(shop)}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <main>
        {database.state === 'failed' && (
          <p className="banner error" role="alert">
            {t('historyUnavailable', lang, { reason: database.message })}
          </p>
        )}
        <dl className="figures" aria-label={t('dashboard', lang)}>
          <Figure label={t('dashboardStoredOrders', lang)} value={stored} testId="figure-stored" />
          <Figure label={t('dashboardAtRiskNow', lang)} value={atRisk} testId="figure-at-risk" accent />
          <Figure label={t('dashboardParcels', lang)} value={ready?.scorecard.total.parcels} testId="figure-parcels" />
          <Figure label={t('dashboardProblemShare', lang)} value={ready === null ? undefined : formatShare(ready.scorecard.total.problemShare, lang)} testId="figure-problems" />
        </dl>
        {hasHistory === false ? (
          <EmptyHistory lang={lang} />
        ) : (
          <>
            <AggregateLine state={aggregate} lang={lang} onRetry={() => refresh(runner, Date.now())} />
            <section className="panel" aria-labelledby="scorecard-title">
              <h2 id="scorecard-title">{t('dashboardScorecard', lang)}</h2>
              <p className="hint muted">{t('dashboardScorecardHint', lang)}</p>
              <ScorecardTable scorecard={ready?.scorecard ?? null} lang={lang} />
              {ready !== null && ready.scorecard.couriers.length === 0 && <p className="muted">{t('dashboardNoParcels', lang)}</p>}
            </section>
            <Charts aggregate={aggregate} lang={lang} />
          </>
        )}
        <section className="panel" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('dashboardTimeline', lang)}</h2>
          <p className="hint muted">{t('dashboardTimelineHint', lang)}</p>
          <TimelineSearch db={db} lang={lang} />
        </section>
      </main>
    </div>
  );
}

function Charts({ aggregate, lang }: { aggregate: AggregateState; lang: Lang }) {
  const trends = aggregate.status === 'ready' ? aggregate.aggregate.trends : null;
  const risk = useMemo(() => (trends === null ? null : riskChartOption(trends, lang)), [trends, lang]);
  const breaches = useMemo(() => (trends === null ? null : breachChartOption(trends, lang)), [trends, lang]);
  return (
    <section className="panel" aria-labelledby="trends-title">
      <h2 id="trends-title">{t('dashboardTrends', lang)}</h2>
      <div className="charts">
        <ChartFigure title={t('dashboardRiskChart', lang)} hint={t('dashboardRiskChartHint', lang)} option={risk} lang={lang} testId="risk-chart" />
        <ChartFigure title={t('dashboardBreachChart', lang)} hint={t('dashboardBreachChartHint', lang)} option={breaches} lang={lang} testId="breach-chart" />
      </div>
    </section>
  );
}

function ChartFigure({ title, hint, ...chart }: { title: string; hint: string } & Parameters<typeof TrendChart>[0]) {
  return (
    <figure>
      <figcaption>
        <b>{title}</b>
        <span className="hint muted">{hint}</span>
      </figcaption>
      <TrendChart {...chart} />
    </figure>
  );
}

function Figure({ label, value, testId, accent }: { label: string; value: number | string | undefined; testId: string; accent?: boolean }) {
  return (
    <div className={accent ? 'figure accent' : 'figure'}>
      <dt>{label}</dt>
      <dd data-testid={testId} aria-busy={value === undefined}>
        {value === undefined ? <span className="skeleton" /> : typeof value === 'number' ? value.toLocaleString('zh-CN') : value}
      </dd>
    </div>
  );
}

function AggregateLine({ state, lang, onRetry }: { state: AggregateState; lang: Lang; onRetry: () => void }) {
  if (state.status === 'failed') {
    return (
      <p className="banner error" role="alert" data-testid="aggregate-status">
        {t('dashboardFailed', lang, { reason: state.message })}{' '}
        <button type="button" onClick={onRetry}>
          {t('dashboardRetry', lang)}
        </button>
      </p>
    );
  }
  const text =
    state.status === 'ready'
      ? t('dashboardReady', lang, { n: state.aggregate.orders.toLocaleString('zh-CN'), s: (state.ms / 1000).toFixed(1) })
      : state.status === 'loading' && state.total > 0
        ? t('dashboardProgress', lang, { done: state.done.toLocaleString('zh-CN'), total: state.total.toLocaleString('zh-CN') })
        : t('dashboardLoading', lang);
  return (
    <p className="aggregate-status muted" role="status" data-testid="aggregate-status" data-status={state.status}>
      {text}
    </p>
  );
}

function EmptyHistory({ lang }: { lang: Lang }) {
  return (
    <section className="panel empty" data-testid="dashboard-empty">
      <h2>{t('dashboardEmptyTitle', lang)}</h2>
      <p>{t('dashboardEmpty', lang)}</p>
      <p>
        <a className="button primary" href={ORDER_LIST_URL} target="_blank" rel="noreferrer">
          {t('openConsole', lang)}
        </a>
      </p>
    </section>
  );
}
