// Which badges an order card shows, in what order, with what words. Pure, so the content script only
// turns these into nodes.
import { dueAtMs } from '../rules/finding';
import { severityAt } from '../rules/severity-at';
import { isClockKind, KIND_LABELS, SEVERITY_RANK, type Finding, type FindingKind, type Severity } from '../rules/vocabulary';
import { formatCountdown, type Lang } from '../time/shanghai';

/** Short badge words for clocks; anomalies use their full label. */
const CLOCK_SHORT_LABELS: Partial<Record<FindingKind, { zh: string; en: string }>> = {
  ship_by: { zh: '发货', en: 'Ship' },
  pickup_by: { zh: '揽收', en: 'Pickup' },
  after_sale_reply_by: { zh: '售后', en: 'After-sales' },
  fast_refund_appeal_by: { zh: '申诉', en: 'Appeal' },
  tracking_edit_by: { zh: '改单号', en: 'Edit no.' },
  extra_package_by: { zh: '补寄', en: 'Extra pkg' },
  auto_confirm_at: { zh: '自动收货', en: 'Auto-confirm' },
};

/** Clocks worth a badge even while far away; the other clocks show only once they warn. */
const ALWAYS_SHOWN_CLOCKS: ReadonlySet<FindingKind> = new Set(['ship_by', 'pickup_by', 'after_sale_reply_by', 'fast_refund_appeal_by']);

export interface BadgeModel {
  finding: Finding;
  kind: FindingKind;
  dueAt: number | null;
  /** The severity at the instant the badges were chosen; `badgeSeverity` gives it later. */
  severity: Severity;
}

/**
 * The badges of one order: enabled kinds only, most severe first, clocks before anomalies of equal
 * severity. A window clock whose window has closed gets none.
 */
export function badgesFor(findings: readonly Finding[], enabled: Readonly<Record<FindingKind, boolean>>, now: number): BadgeModel[] {
  const models: BadgeModel[] = [];
  for (const finding of findings) {
    if (enabled[finding.kind] === false) continue;
    const severity = severityAt(finding, now);
    if (severity === null) continue;
    if (isClockKind(finding.kind) && !ALWAYS_SHOWN_CLOCKS.has(finding.kind) && SEVERITY_RANK[severity] < SEVERITY_RANK.warn) continue;
    models.push({ finding, kind: finding.kind, dueAt: dueAtMs(finding), severity });
  }
  return models.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      Number(isClockKind(b.kind)) - Number(isClockKind(a.kind)) ||
      (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity),
  );
}

/** `发货 剩 5时12分`, `揽收 超 2时3分`, or an anomaly's label. */
export function badgeText(model: BadgeModel, now: number, lang: Lang): string {
  const short = CLOCK_SHORT_LABELS[model.kind];
  if (short === undefined || model.dueAt === null) return KIND_LABELS[model.kind][lang];
  const left = model.dueAt - now;
  const amount = formatCountdown(Math.abs(left), lang);
  if (lang === 'zh') return `${short.zh} ${left >= 0 ? '剩' : '超'} ${amount}`;
  return `${short.en} ${amount} ${left >= 0 ? 'left' : 'over'}`;
}

/** The badge's colour at `now`; null once its window has closed and the badge should go. */
export function badgeSeverity(model: BadgeModel, now: number): Severity | null {
  return severityAt(model.finding, now);
}
