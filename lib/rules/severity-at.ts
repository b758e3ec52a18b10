// A clock finding's severity at a later instant, from the bands it carries in its basis. Badges re-band
// every tick with this, so a badge changes colour on time without asking the background again.
import { clockSeverity, dueAtMs, windowSeverity, withDelayRelief } from './finding';
import { isClockKind, isWindowClock, type Finding, type Severity } from './vocabulary';

/**
 * The severity at `now`, as the rules would find it then; null once the clock has closed and the rules
 * would not report it any more. Anomalies keep the severity they were found with.
 */
export function severityAt(finding: Finding, now: number): Severity | null {
  const dueAt = isClockKind(finding.kind) ? dueAtMs(finding) : null;
  if (dueAt === null) return finding.severity;
  const basis = finding.basis;
  if (now > dueAt && closesAtDue(finding)) return null;
  if (isWindowClock(finding.kind)) return windowSeverity(dueAt - now, windowWarnHours(basis));
  if (typeof basis.warnHours === 'number' && typeof basis.criticalHours === 'number') {
    return withDelayRelief(clockSeverity(dueAt - now, basis.warnHours, basis.criticalHours), basis.shippingDelayAllowed === true);
  }
  return dueAt - now < 0 ? 'breached' : finding.severity;
}

/**
 * Whether the clock stops applying at its deadline rather than turning breached: a window clock, or a
 * pickup clock counted without a trace read (only a trace that shows no pickup may call it breached).
 */
function closesAtDue(finding: Finding): boolean {
  return isWindowClock(finding.kind) || (finding.kind === 'pickup_by' && finding.basis.trackingCheckedAt === null);
}

/** The warn threshold a window clock carries; tracking_edit_by warns only while a wrong-number anomaly is open (R8). */
function windowWarnHours(basis: Finding['basis']): number | null {
  if (typeof basis.warnHours !== 'number') return null;
  return 'openAnomaly' in basis && basis.openAnomaly === null ? null : basis.warnHours;
}
