// Which badges an order card shows, in what order, with what words. Pure, so the content script only
// turns these into nodes.
import { basisValues } from '../findings/define';
import { isClockKind, KIND_LABELS, moduleOf, severityAt, type Finding, type FindingKind } from '../findings/registry';
import { SEVERITY_RANK, type Severity } from '../findings/severity';
import { formatCountdown, type Lang } from '../time/shanghai';
import type { Words } from '../findings/words';

export interface BadgeModel {
  finding: Finding;
  kind: FindingKind;
  dueAt: number | null;
  /** The severity at the instant the badges were chosen; `badgeSeverity` gives it later. */
  severity: Severity;
}

/** A clock's badge: its short label, and whether it shows while far away (the other clocks show once they warn). */
function clockBadge(kind: FindingKind): { label: { zh: string; en: string }; always: boolean } | undefined {
  const module = moduleOf(kind);
  return 'badge' in module ? module.badge : undefined;
}

/** The unverified marks of a clock that runs without the facts to judge it (basis.verified false), else undefined. */
export function unverifiedOf(finding: Finding): { mark: Words; overdue: Words; howToVerify: Words } | undefined {
  const module = moduleOf(finding.kind);
  return 'unverified' in module && basisValues(finding.basis).verified === false ? module.unverified : undefined;
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
    if (isClockKind(finding.kind) && clockBadge(finding.kind)?.always !== true && SEVERITY_RANK[severity] < SEVERITY_RANK.warn) continue;
    models.push({ finding, kind: finding.kind, dueAt: finding.dueAt ?? null, severity });
  }
  return models.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      Number(isClockKind(b.kind)) - Number(isClockKind(a.kind)) ||
      (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity),
  );
}

/**
 * `发货 剩 5时12分`, `揽收 超 2时3分`, or an anomaly's label. An unverified clock says so: `揽收 剩 5时12分 · 未核实`
 * while it runs, its own chip (`揽收未核实`) once past due, since how late a scan nobody has seen is means nothing.
 */
export function badgeText(model: BadgeModel, now: number, lang: Lang): string {
  const short = clockBadge(model.kind)?.label;
  if (short === undefined || model.dueAt === null) return KIND_LABELS[model.kind][lang];
  const left = model.dueAt - now;
  const unverified = unverifiedOf(model.finding);
  if (unverified !== undefined && left < 0) return unverified.overdue[lang];
  const amount = formatCountdown(Math.abs(left), lang);
  const text = lang === 'zh' ? `${short.zh} ${left >= 0 ? '剩' : '超'} ${amount}` : `${short.en} ${amount} ${left >= 0 ? 'left' : 'over'}`;
  return unverified === undefined ? text : `${text} · ${unverified.mark[lang]}`;
}

/** The badge's colour at `now`; null once its window has closed and the badge should go. */
export function badgeSeverity(model: BadgeModel, now: number): Severity | null {
  return severityAt(model.finding, now);
}
