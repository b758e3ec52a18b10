// The contract: lib/findings/README.md and the registry list the same kinds, in the same order, with the
// same Chinese names; the same severities and tracking statuses; and its `npm run assess` example says
// what the rules say.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssessInput } from '../../../lib/assess/assess-input';
import { assessShop } from '../../../lib/findings/assess';
import { ANOMALY_KINDS, CLOCK_KINDS, KIND_LABELS, isFindingKind } from '../../../lib/findings/registry';
import { findingJson } from '../../../lib/findings/serialize';
import { SEVERITY_RANK } from '../../../lib/findings/severity';
import { STATUS_RANK } from '../../../lib/tracking/status-rank';

const README = readFileSync(resolve(import.meta.dirname, '../../../lib/findings/README.md'), 'utf8');

/** The first column (a `code` id) and the second of the table under `heading`. */
function tableRows(heading: string): Array<{ id: string; second: string }> {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const section = README.slice(start + 1);
  const end = section.indexOf('\n## ', 1);
  const body = end === -1 ? section : section.slice(0, end);
  return [...body.matchAll(/^\| `([a-z_]+)` \| ([^|]+) \|/gm)].map((match) => ({ id: match[1] ?? '', second: (match[2] ?? '').trim() }));
}

describe('lib/findings/README.md, the contract', () => {
  it('lists the clock kinds of the registry, in order, with their Chinese names', () => {
    const rows = tableRows('Clocks');
    expect(rows.map((row) => row.id)).toEqual([...CLOCK_KINDS]);
    for (const row of rows) expect(isFindingKind(row.id) && KIND_LABELS[row.id].zh).toBe(row.second);
  });

  it('lists the anomaly kinds of the registry, in order, with their Chinese names', () => {
    const rows = tableRows('Anomalies');
    expect(rows.map((row) => row.id)).toEqual([...ANOMALY_KINDS]);
    for (const row of rows) expect(isFindingKind(row.id) && KIND_LABELS[row.id].zh).toBe(row.second);
  });

  it('names the severities in rank order and the tracking statuses of the normalizers', () => {
    const severities = /`info` < `warn` < `critical` < `breached`/.test(README);
    expect(severities).toBe(true);
    expect(Object.entries(SEVERITY_RANK).sort((a, b) => a[1] - b[1]).map(([severity]) => severity)).toEqual(['info', 'warn', 'critical', 'breached']);
    expect(tableRows('Normalized tracking status').map((row) => row.id).sort()).toEqual(Object.keys(STATUS_RANK).sort());
  });

  it('has an `npm run assess` example that gives the findings it describes', () => {
    const example = /## `npm run assess`[\s\S]*?```json\n([\s\S]*?)```/.exec(README)?.[1];
    expect(example).toBeDefined();
    const parsed = parseAssessInput(JSON.parse(example ?? 'null'), 0);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input.diagnostics).toEqual([]);
    const printed = assessShop(parsed.input.contexts, parsed.input.now, parsed.input.policy).map(findingJson);
    expect(printed[0]).toMatchObject({ kind: 'pickup_by', severity: 'critical', dueAt: '2026-11-20T06:00:00.000Z', rule: 'R6', basis: { remainingHours: 4 } });
    expect(printed.map((finding) => `${finding.kind}:${finding.severity}`)).toEqual(expect.arrayContaining(['early_upload:warn', 'tracking_edit_by:warn']));
  });

  it('the project README has an `npm run assess` example that gives what it says', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const example = /cat > \/tmp\/orders\.json <<'JSON'\n([\s\S]*?)\nJSON/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const parsed = parseAssessInput(JSON.parse(example ?? 'null'), 0);
    if (!parsed.ok) throw new Error(parsed.error);
    const [first] = assessShop(parsed.input.contexts, parsed.input.now, parsed.input.policy).map(findingJson);
    // "the pickup scan is due at 14:00 Beijing time, 4 h left, not yet verified against a trace"
    expect(first).toMatchObject({ kind: 'pickup_by', dueAt: '2026-11-20T06:00:00.000Z', basis: { remainingHours: 4, trackingCheckedAt: null } });
  });

  it('has a row in its rules table for every rule a finding or threshold cites', async () => {
    const { RULE_REFERENCES } = await import('../../../lib/findings/registry');
    const documented = new Set([...README.matchAll(/^\| (R\d+|A\d+|OS\d+) \|/gm)].map((match) => match[1]));
    for (const rule of RULE_REFERENCES.keys()) expect(documented, rule).toContain(rule);
  });
});
