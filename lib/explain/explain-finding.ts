// The words behind a badge: what the rule is, which facts and thresholds it used, and what to do. Every
// basis field is described by its kind's module (lib/findings/kinds/): its label and how its value reads.
// Pure: the caller passes how to show an instant (in the merchant's own time zone).
import { unverifiedOf } from '../badges/badge-model';
import { basisValues, type BasisField } from '../findings/define';
import { KIND_LABELS, moduleOf, RULE_REFERENCES, type Finding } from '../findings/registry';
import { SEVERITY_LABELS, type Severity } from '../findings/severity';
import { centsText } from '../text/money';
import type { Lang } from '../time/shanghai';

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
  /** A clock judged without the facts it needs (a pickup with no trace read): how the merchant can verify it. */
  verify: string | null;
  advice: string;
}

export function explainFinding(finding: Finding, severity: Severity, lang: Lang, formatInstant: (ms: number) => string): Explanation {
  const module = moduleOf(finding.kind);
  const reference = RULE_REFERENCES.get(finding.rule);
  const basis: Readonly<Record<string, unknown>> = basisValues(finding.basis);
  const lines: ExplanationLine[] = [];
  for (const [key, field] of Object.entries(module.basis as Readonly<Record<string, BasisField>>)) {
    const value = basis[key];
    if (value === null || value === undefined || !field.shown) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    lines.push({ key, label: field[lang], value: formatValue(field, value, lang, formatInstant) });
  }
  return {
    title: KIND_LABELS[finding.kind][lang],
    severity: SEVERITY_LABELS[severity][lang],
    due: finding.dueAt === undefined ? null : formatInstant(finding.dueAt),
    lines,
    rule: reference === undefined ? finding.rule : `${finding.rule} · ${reference[lang]}`,
    source: reference?.source ?? '',
    heuristic: basis.heuristic === true || reference?.heuristic === true,
    verify: unverifiedOf(finding)?.howToVerify[lang] ?? null,
    advice: module.advice[lang],
  };
}

function formatValue(field: BasisField, value: string | number | boolean, lang: Lang, formatInstant: (ms: number) => string): string {
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (field.format === 'orders') return value.split(',').join(lang === 'zh' ? '、' : ', ');
    return field.values?.[value]?.[lang] ?? value;
  }
  switch (field.format) {
    case 'instant':
      return formatInstant(value);
    case 'hours':
      return `${round(value)} ${lang === 'zh' ? '小时' : 'h'}`;
    case 'days':
      return `${round(value)} ${lang === 'zh' ? '天' : 'd'}`;
    case 'seconds':
      return `${round(value / 3600)} ${lang === 'zh' ? '小时' : 'h'}`;
    case 'cents':
      return centsText(value);
    default:
      return field.values?.[String(value)]?.[lang] ?? String(value);
  }
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
