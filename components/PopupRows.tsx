// The popup's order rows: the clock with its time left, the open findings coloured by severity, the parcel's
// latest courier status and its age, and the two actions; the skeleton rows hold the same height while the
// data is read, and the snoozed or handled orders sit in their own collapsed group with 撤销.
import { unverifiedOf } from '@/lib/badges/badge-model';
import type { PopupRow } from '@/lib/db/popup-rows';
import { openFindingsOf, type FindingRecord, type StoredOrder } from '@/lib/db/records';
import { instantFormatter } from '@/lib/explain/format-instant';
import { TRACKING_STATUS_LABELS } from '@/lib/findings/basis-fields';
import { KIND_LABELS, severityAt, type Finding, type FindingKind } from '@/lib/findings/registry';
import { findingOfRecord } from '@/lib/ingest/reconcile-findings';
import { SEVERITY_LABELS, SEVERITY_RANK, type Severity } from '@/lib/findings/severity';
import { t } from '@/lib/i18n/messages';
import { muteKeyOf, type SnoozeChoice } from '@/lib/notifications/mutes-item';
import type { Mutes } from '@/lib/notifications/types';
import { formatAge, formatCountdown, type Lang } from '@/lib/time/shanghai';
import { courierNameOf } from '@/lib/tracking/couriers';

export interface RowActions {
  open: (order: StoredOrder) => void;
  snooze: (order: StoredOrder, choice?: SnoozeChoice) => void;
  markHandled: (order: StoredOrder) => void;
  undo: (order: StoredOrder) => void;
}

interface RowProps {
  row: PopupRow;
  now: number;
  lang: Lang;
  /** Names the shop on the row (several shops are stored). */
  shopName: string | null;
  /** The kind the list is narrowed to: its chip comes first, so it is never among the ones summed up. */
  kind?: FindingKind | null;
  actions: RowActions;
}

/** An open finding of a row with its severity at `now`, by its bands as its badge has it (the popup's clock moves on between two evaluations). */
interface LiveFinding {
  record: FindingRecord;
  finding: Finding;
  severity: Severity;
}

function liveFindingsOf(order: StoredOrder, now: number): LiveFinding[] {
  return openFindingsOf(order).map((record) => {
    const finding = findingOfRecord(record, { orderSn: order.orderSn });
    // A window that has closed keeps the severity it was stored with until the next evaluation drops it.
    return { record, finding, severity: severityAt(finding, now) ?? record.severity };
  });
}

/**
 * The clock of a row: the time left (or over) of the open finding due first, in its severity at `now`; an
 * unverified clock past due says so instead of how late, as its badge does. An order with only anomalies open
 * (no due time) shows its worst severity instead.
 */
function clockOf(findings: readonly LiveFinding[], now: number, lang: Lang): { text: string; severity: Severity } | null {
  if (findings.length === 0) return null;
  const timed = findings.filter(({ record }) => record.dueAt !== null).sort((a, b) => a.record.dueAt! - b.record.dueAt!)[0];
  if (timed === undefined) {
    const worst = findings.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
    return { text: SEVERITY_LABELS[worst.severity][lang], severity: worst.severity };
  }
  const { finding, severity } = timed;
  const left = timed.record.dueAt! - now;
  const unverified = unverifiedOf(finding);
  if (unverified !== undefined && left < 0) return { text: unverified.overdue[lang], severity };
  return { text: t(left >= 0 ? 'remaining' : 'overdue', lang, { t: formatCountdown(Math.abs(left), lang) }), severity };
}

/**
 * 中通 · 运输中 · 6小时前: the courier's short name, the latest status read and how long ago its newest event
 * was; a parcel never read says whether it waits for a phone tail or has not been asked yet.
 */
export function courierLine(row: PopupRow, now: number, lang: Lang): string {
  const { order, waybill } = row;
  const parts: string[] = [];
  const courier = courierNameOf(order.facts.shippingId) ?? order.facts.courierName;
  if (courier !== null) parts.push(courier);
  if (order.trackingNumber === null) return parts.join(' · ');
  if (waybill === null || waybill.checkedAt === null) {
    parts.push(t(waybill?.needsInput === 'phone_tail' ? 'popupNeedsPhoneTail' : 'popupNotChecked', lang));
    return parts.join(' · ');
  }
  parts.push(TRACKING_STATUS_LABELS[waybill.status][lang]);
  if (waybill.lastEventAt !== null) parts.push(formatAge(now - waybill.lastEventAt, lang));
  else parts.push(t('popupCheckedAgo', lang, { t: formatAge(now - waybill.checkedAt, lang) }));
  return parts.join(' · ');
}

/** Chips a row line holds whatever their labels; the rest are summed up in one "+n" chip. */
const ROW_CHIPS = 3;

export function OrderRow({ row, now, lang, shopName, kind = null, actions }: RowProps) {
  const { order } = row;
  // The chosen kind, then the worst first: the chips a row has room for are the ones that matter most.
  const live = liveFindingsOf(order, now);
  const findings = [...live].sort(
    (a, b) => Number(b.record.kind === kind) - Number(a.record.kind === kind) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  );
  const shown = findings.length > ROW_CHIPS + 1 ? findings.slice(0, ROW_CHIPS) : findings;
  const hidden = findings.slice(shown.length);
  const hiddenText = t('popupMoreChips', lang, { n: hidden.length, kinds: hidden.map(({ record }) => KIND_LABELS[record.kind][lang]).join('、') });
  const clock = clockOf(live, now, lang);
  return (
    <li className="popup-row" data-testid="popup-row" data-order-sn={order.orderSn} data-shop-id={order.shopId}>
      <div className="popup-row-line">
        <a
          className="order-sn"
          href={`#${order.orderSn}`}
          aria-label={t('popupOpenOrder', lang, { sn: order.orderSn })}
          onClick={(event) => {
            event.preventDefault();
            actions.open(order);
          }}
        >
          {order.orderSn}
        </a>
        {shopName !== null && <span className="popup-shop">{shopName}</span>}
        <span className="spacer" />
        {clock !== null && (
          <span className={`popup-clock severity-${clock.severity}`} data-testid="row-clock">
            {clock.text}
          </span>
        )}
      </div>
      <div className="popup-row-line popup-chips">
        {shown.map(({ record, severity }) => (
          <span key={record.kind} className={`chip chip-${severity}`} data-kind={record.kind}>
            {KIND_LABELS[record.kind][lang]}
          </span>
        ))}
        {hidden.length > 0 && (
          <span className="chip chip-more" data-testid="row-more-chips" title={hiddenText} aria-label={hiddenText}>
            +{hidden.length}
          </span>
        )}
      </div>
      <div className="popup-row-line">
        <span className="muted popup-courier" data-testid="row-courier">
          {courierLine(row, now, lang)}
        </span>
        <span className="spacer" />
        <button type="button" className="small" aria-label={t('popupSnoozeFor', lang, { sn: order.orderSn })} onClick={() => actions.snooze(order)}>
          {t('notificationSnooze', lang)}
        </button>
        <select
          className="small"
          aria-label={t('popupSnoozeLongerFor', lang, { sn: order.orderSn })}
          value=""
          onChange={(event) => {
            if (event.target.value !== '') actions.snooze(order, event.target.value as SnoozeChoice);
          }}
        >
          <option value="">{t('popupSnoozeLonger', lang)}</option>
          <option value="hours4">{t('popupSnooze4h', lang)}</option>
          <option value="morning">{t('popupSnoozeMorning', lang)}</option>
        </select>
        <button type="button" className="small" aria-label={t('popupHandledFor', lang, { sn: order.orderSn })} onClick={() => actions.markHandled(order)}>
          {t('popupHandled', lang)}
        </button>
      </div>
    </li>
  );
}

/** Placeholders of the final row height while the first read runs. */
export function SkeletonRows({ count, lang }: { count: number; lang: Lang }) {
  return (
    <ul className="popup-rows" aria-busy="true" aria-label={t('popupLoading', lang)} data-testid="popup-skeleton">
      {Array.from({ length: count }, (_, index) => (
        <li key={index} className="popup-row skeleton" aria-hidden="true">
          <div className="popup-row-line">
            <span className="bone" style={{ width: 150 }} />
            <span className="spacer" />
            <span className="bone" style={{ width: 60 }} />
          </div>
          <div className="popup-row-line">
            <span className="bone" style={{ width: 90 }} />
          </div>
          <div className="popup-row-line">
            <span className="bone" style={{ width: 170 }} />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function MutedGroup({
  rows,
  mutes,
  open,
  onToggle,
  lang,
  actions,
}: {
  rows: readonly PopupRow[];
  mutes: Mutes;
  open: boolean;
  onToggle: () => void;
  lang: Lang;
  actions: RowActions;
}) {
  if (rows.length === 0) return null;
  const format = instantFormatter(lang);
  return (
    <section className="popup-muted" data-testid="muted-group">
      <button type="button" className="popup-muted-toggle" aria-expanded={open} aria-controls="popup-muted-list" onClick={onToggle}>
        {open ? '▾' : '▸'} {t('popupMutedGroup', lang, { n: rows.length })}
      </button>
      {open && (
        <ul id="popup-muted-list">
          {rows.map(({ order, mute }) => {
            const key = muteKeyOf(order.shopId, order.orderSn);
            return (
              <li key={key} data-testid="muted-row" data-order-sn={order.orderSn}>
                <span className="order-sn">{order.orderSn}</span>
                <span className="muted">
                  {mute === 'snoozed'
                    ? t('popupSnoozedUntil', lang, { at: format(mutes.orders[key] ?? 0) })
                    : t('popupHandledAt', lang, { at: format(mutes.handled[key] ?? 0) })}
                </span>
                <span className="spacer" />
                <button type="button" className="small" aria-label={t('popupUndoFor', lang, { sn: order.orderSn })} onClick={() => actions.undo(order)}>
                  {t('popupUndo', lang)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
