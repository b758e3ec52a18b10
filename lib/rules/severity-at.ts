// A clock finding's severity at a later instant, from the bands it carries in its basis. Badges re-band
// every tick with this, so a badge changes colour on time without asking the background again.
import { clockSeverity, withDelayRelief } from './finding';
import { isClockKind, type Finding, type Severity } from './vocabulary';

export function severityAt(finding: Finding, now: number): Severity {
  if (!isClockKind(finding.kind) || finding.dueAt === undefined) return finding.severity;
  const dueAt = Date.parse(finding.dueAt);
  if (Number.isNaN(dueAt)) return finding.severity;
  const { warnHours, criticalHours, shippingDelayAllowed } = finding.basis;
  if (typeof warnHours === 'number' && typeof criticalHours === 'number') {
    return withDelayRelief(clockSeverity(dueAt - now, warnHours, criticalHours), shippingDelayAllowed === true);
  }
  return dueAt - now < 0 ? 'breached' : finding.severity;
}
