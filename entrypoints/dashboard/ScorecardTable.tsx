import { useState } from 'react';
import type { CourierScore, Scorecard } from '@/lib/dashboard/courier-scorecard';
import { formatHours, formatShare } from '@/lib/dashboard/format';
import { t, type MessageKey } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/time/shanghai';

interface Column {
  key: string;
  label: MessageKey;
  /** What the column sorts by; null sorts last. */
  value: (score: CourierScore) => number | string | null;
  text: (score: CourierScore, lang: Lang) => string;
}

const courierName = (score: CourierScore, lang: Lang) => score.name ?? t('dashboardUnknownCourier', lang);

export const SCORECARD_COLUMNS: readonly Column[] = [
  { key: 'courier', label: 'dashboardCourier', value: (score) => score.name, text: courierName },
  { key: 'parcels', label: 'dashboardParcelCount', value: (score) => score.parcels, text: (score) => String(score.parcels) },
  { key: 'pickupP50', label: 'dashboardPickupP50', value: (score) => score.pickupLatency.p50, text: (score, lang) => formatHours(score.pickupLatency.p50, lang) },
  { key: 'pickupP90', label: 'dashboardPickupP90', value: (score) => score.pickupLatency.p90, text: (score, lang) => formatHours(score.pickupLatency.p90, lang) },
  { key: 'transitP50', label: 'dashboardTransitP50', value: (score) => score.transitTime.p50, text: (score, lang) => formatHours(score.transitTime.p50, lang) },
  { key: 'transitP90', label: 'dashboardTransitP90', value: (score) => score.transitTime.p90, text: (score, lang) => formatHours(score.transitTime.p90, lang) },
  { key: 'stagnation', label: 'dashboardStagnation', value: (score) => score.stagnationRate, text: (score, lang) => formatShare(score.stagnationRate, lang) },
  { key: 'rejection', label: 'dashboardRejection', value: (score) => score.rejectionRate, text: (score, lang) => formatShare(score.rejectionRate, lang) },
  { key: 'return', label: 'dashboardReturn', value: (score) => score.returnRate, text: (score, lang) => formatShare(score.returnRate, lang) },
  { key: 'problems', label: 'dashboardProblemShare', value: (score) => score.problemShare, text: (score, lang) => formatShare(score.problemShare, lang) },
];

/** Rows the skeleton reserves while the figures come: the usual number of couriers a shop uses. */
const SKELETON_ROWS = 5;

interface Sort {
  key: string;
  descending: boolean;
}

function compare(column: Column, sort: Sort, a: CourierScore, b: CourierScore): number {
  const x = column.value(a);
  const y = column.value(b);
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  const order = x < y ? -1 : 1;
  return sort.descending ? -order : order;
}

/** The scorecard, one row per courier and the total last; `scorecard` null while it is being computed. */
export function ScorecardTable({ scorecard, lang }: { scorecard: Scorecard | null; lang: Lang }) {
  const [sort, setSort] = useState<Sort>({ key: 'parcels', descending: true });
  const column = SCORECARD_COLUMNS.find((item) => item.key === sort.key) ?? SCORECARD_COLUMNS[1]!;
  const rows = scorecard === null ? null : [...scorecard.couriers].sort((a, b) => compare(column, sort, a, b));
  const toggle = (key: string) => setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: key !== 'courier' }));
  return (
    <table className="scorecard" data-testid="scorecard" aria-busy={scorecard === null} aria-label={t('dashboardScorecard', lang)}>
      <thead>
        <tr>
          {SCORECARD_COLUMNS.map((item) => {
            const label = t(item.label, lang);
            const active = item.key === sort.key;
            return (
              <th key={item.key} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} className={item.key === 'courier' ? 'text' : undefined}>
                <button type="button" onClick={() => toggle(item.key)} aria-label={t('dashboardSortBy', lang, { column: label })} data-column={item.key}>
                  {label}
                  <span className="sort-mark" aria-hidden="true">
                    {active ? (sort.descending ? '▼' : '▲') : ''}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows === null
          ? Array.from({ length: SKELETON_ROWS }, (_, index) => (
              <tr key={index} className="skeleton-row" aria-hidden="true">
                {SCORECARD_COLUMNS.map((item) => (
                  <td key={item.key}>
                    <span className="skeleton" />
                  </td>
                ))}
              </tr>
            ))
          : rows.map((score) => <ScoreRow key={score.key} score={score} lang={lang} />)}
      </tbody>
      {scorecard !== null && scorecard.total.parcels > 0 && (
        <tfoot>
          <ScoreRow score={{ ...scorecard.total, name: t('dashboardTotalRow', lang) }} lang={lang} />
        </tfoot>
      )}
    </table>
  );
}

function ScoreRow({ score, lang }: { score: CourierScore; lang: Lang }) {
  return (
    <tr data-courier={score.key}>
      {SCORECARD_COLUMNS.map((item) =>
        item.key === 'courier' ? (
          <th key={item.key} scope="row" className="text">
            {item.text(score, lang)}
          </th>
        ) : (
          <td key={item.key} data-column={item.key}>
            {item.text(score, lang)}
          </td>
        ),
      )}
    </tr>
  );
}
