// How clocks band their severity, and small pieces every kind shares.
import { hoursToMs, msToHours } from '../time/shanghai';
import { SEVERITY_RANK, type Severity } from './severity';

/**
 * A clock's severity: `breached` once the time has run out (remaining < 0), `critical` and `warn` inside
 * their bands (inclusive: exactly 12 h left is already "≤ 12 h"), `info` before.
 */
export function clockSeverity(remainingMs: number, warnHours: number, criticalHours: number): Severity {
  if (remainingMs < 0) return 'breached';
  if (remainingMs <= hoursToMs(criticalHours)) return 'critical';
  if (remainingMs <= hoursToMs(warnHours)) return 'warn';
  return 'info';
}

/**
 * A window clock (a window the merchant may use rather than a duty: it closes at `dueAt` and is never
 * breached): `warn` once no more than `warnHours` are left, when it warns at all (null: it stays `info`).
 */
export function windowSeverity(remainingMs: number, warnHours: number | null): Severity {
  return warnHours !== null && remainingMs <= hoursToMs(warnHours) ? 'warn' : 'info';
}

/** A window clock at a later instant: null once its window has closed. */
export function windowSeverityAt(dueAt: number, now: number, warnHours: number | null): Severity | null {
  return now > dueAt ? null : windowSeverity(dueAt - now, warnHours);
}

/** The relief tag (发货时间可延迟) means the platform tolerates a delay: the countdown stays, its alarm stops at warn. */
export function withDelayRelief(severity: Severity, delayAllowed: boolean): Severity {
  return delayAllowed && SEVERITY_RANK[severity] > SEVERITY_RANK.warn ? 'warn' : severity;
}

export function remainingHours(dueAt: number, now: number): number {
  return msToHours(dueAt - now);
}

/** Event texts go into explanations; a courier's long boilerplate does not need to. */
export function shortText(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text === '') return null;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
