// The words behind a badge: what the rule is, which facts and thresholds it used, and what to do.
// Pure: the caller passes how to show an instant (in the merchant's own time zone).
import { dueAtMs } from '../rules/finding';
import { RULE_REFERENCES, type RuleReference } from '../rules/policy';
import { KIND_LABELS, type BasisValue, type Finding, type Severity } from '../rules/vocabulary';
import type { Lang } from '../time/shanghai';
import { ADVICE } from './advice';
import { BASIS_LABELS, SEVERITY_LABELS } from './labels';

export interface ExplanationLine {
  key: string;
  label: string;
  value: string;
}

export interface Explanation {
  title: string;
  severity: string;
  due: string | null;
  lines: ExplanationLine[];
  rule: string;
  source: string;
  heuristic: boolean;
  advice: string;
}

/** Basis entries the badge already shows live, or that only repeat the rule. */
const SKIPPED_KEYS = new Set(['remainingHours', 'heuristic']);

export function explainFinding(finding: Finding, severity: Severity, lang: Lang, formatInstant: (ms: number) => string): Explanation {
  const reference = (RULE_REFERENCES as Readonly<Record<string, RuleReference | undefined>>)[finding.rule];
  const lines: ExplanationLine[] = [];
  for (const [key, value] of Object.entries(finding.basis)) {
    if (value === null || SKIPPED_KEYS.has(key)) continue;
    lines.push({ key, label: BASIS_LABELS[key]?.[lang] ?? key, value: formatValue(key, value, lang, formatInstant) });
  }
  const dueAt = dueAtMs(finding);
  return {
    title: KIND_LABELS[finding.kind][lang],
    severity: SEVERITY_LABELS[severity][lang],
    due: dueAt === null ? null : formatInstant(dueAt),
    lines,
    rule: reference === undefined ? finding.rule : `${finding.rule} · ${reference[lang]}`,
    source: reference?.source ?? '',
    heuristic: finding.basis.heuristic === true || reference?.heuristic === true,
    advice: ADVICE[finding.kind][lang],
  };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

function formatValue(key: string, value: BasisValue, lang: Lang, formatInstant: (ms: number) => string): string {
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? formatInstant(Date.parse(value)) : value;
  if (value === null) return '';
  if (key.endsWith('Cents')) return `¥${(value / 100).toFixed(2)}`;
  if (key.endsWith('Hours')) return `${round(value)} ${lang === 'zh' ? '小时' : 'h'}`;
  if (key.endsWith('Days')) return `${round(value)} ${lang === 'zh' ? '天' : 'd'}`;
  if (key.endsWith('Seconds')) return `${round(value / 3600)} ${lang === 'zh' ? '小时' : 'h'}`;
  return String(value);
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
