// Severities and the words for them: every surface ranks and names findings the same way.
import type { Words } from './words';

export const SEVERITIES = ['info', 'warn', 'critical', 'breached'] as const;

/** `info` < `warn` < `critical` < `breached`; `breached` means the clock has run out. */
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warn: 1, critical: 2, breached: 3 };

export const SEVERITY_LABELS: Readonly<Record<Severity, Words>> = {
  info: { zh: '提示', en: 'info' },
  warn: { zh: '注意', en: 'warning' },
  critical: { zh: '紧急', en: 'urgent' },
  breached: { zh: '已超时', en: 'overdue' },
};
