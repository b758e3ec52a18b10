// The contract: the ids in lib/rules/vocabulary.ts are exactly those of /shared/domain/vocabulary.md.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANOMALY_KINDS, CLOCK_KINDS, FINDING_KINDS, KIND_LABELS, SEVERITY_RANK } from '../../../lib/rules/vocabulary';

const VOCABULARY_MD = resolve(import.meta.dirname, '../../../../shared/domain/vocabulary.md');

/** `| \`kind\` | 中文 | …` rows of the section between `start` and the next heading of the same level. */
function tableKinds(markdown: string, start: string): Array<{ kind: string; zh: string }> {
  const section = markdown.slice(markdown.indexOf(start));
  const end = section.indexOf('\n### ', start.length);
  const body = end === -1 ? section : section.slice(0, end);
  return [...body.matchAll(/^\| `([a-z_]+)` \| ([^|]+) \|/gm)].map((match) => ({ kind: match[1] ?? '', zh: (match[2] ?? '').trim() }));
}

describe('vocabulary.md (the shared contract beside the project)', () => {
  const markdown = readFileSync(VOCABULARY_MD, 'utf8');

  it('lists the same clock kinds, in order, with the same Chinese names', () => {
    const rows = tableKinds(markdown, '### 1.1 Clocks');
    expect(rows.map((row) => row.kind)).toEqual([...CLOCK_KINDS]);
    for (const row of rows) expect(KIND_LABELS[row.kind as keyof typeof KIND_LABELS].zh).toBe(row.zh);
  });

  it('lists the same anomaly kinds, in order, with the same Chinese names', () => {
    const rows = tableKinds(markdown, '### 1.2 Anomalies');
    expect(rows.map((row) => row.kind)).toEqual([...ANOMALY_KINDS]);
    for (const row of rows) expect(KIND_LABELS[row.kind as keyof typeof KIND_LABELS].zh).toBe(row.zh);
  });
});

describe('labels and severities', () => {
  it('labels every kind in both languages', () => {
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...FINDING_KINDS].sort());
    for (const kind of FINDING_KINDS) expect(KIND_LABELS[kind].en).toMatch(/\w/);
  });

  it('ranks info < warn < critical < breached', () => {
    expect(Object.entries(SEVERITY_RANK).sort((a, b) => a[1] - b[1]).map(([severity]) => severity)).toEqual(['info', 'warn', 'critical', 'breached']);
  });
});
