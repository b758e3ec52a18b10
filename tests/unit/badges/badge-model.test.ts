import { describe, expect, test } from 'vitest';
import { badgesFor, badgeSeverity, badgeText } from '../../../lib/badges/badge-model';
import { severityAt, type Finding, type FindingKind } from '../../../lib/findings/registry';
import type { Severity } from '../../../lib/findings/severity';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { stub } from '../findings/builders';

const HOUR = 3_600_000;
const now = Date.parse('2026-11-20T02:00:00Z'); // 10:00 in Shanghai
const enabled = DEFAULT_SETTINGS.badgeKinds;

const shipBy = (dueAt: number, extra: { shippingDelayAllowed?: boolean } = {}): Finding =>
  stub({ kind: 'ship_by', severity: 'info', dueAt, rule: 'R1', basis: { warnHours: 12, criticalHours: 2, shippingDelayAllowed: false, ...extra } });
const pickup = (dueAt: number, verified: boolean): Finding =>
  stub({ kind: 'pickup_by', severity: 'info', dueAt, rule: 'R6', basis: { warnHours: 12, criticalHours: 4, trackingCheckedAt: verified ? now : null, verified } });
const anomaly = (kind: FindingKind, severity: Severity): Finding => ({ ...stub({ kind: 'delivery_problem', severity, rule: 'A7' }), kind }) as Finding;

describe('severityAt re-bands a clock from its own basis', () => {
  test.each([
    [13 * HOUR, 'info'],
    [12 * HOUR, 'warn'],
    [12 * HOUR - 1000, 'warn'],
    [2 * HOUR + 1000, 'warn'],
    [2 * HOUR, 'critical'],
    [0, 'critical'],
    [-1000, 'breached'],
  ])('%d ms left → %s', (left, expected) => {
    expect(severityAt(shipBy(now + left), now)).toBe(expected);
  });

  test('a tolerated delay (发货时间可延迟) never goes past warn', () => {
    expect(severityAt(shipBy(now - HOUR, { shippingDelayAllowed: true }), now)).toBe('warn');
    expect(severityAt(shipBy(now + 20 * HOUR, { shippingDelayAllowed: true }), now)).toBe('info');
  });

  test('a window clock is never breached: it applies up to its end, then no more', () => {
    const autoConfirm = stub({ kind: 'auto_confirm_at', severity: 'info', dueAt: now + HOUR, rule: 'R9' });
    expect(severityAt(autoConfirm, now)).toBe('info');
    expect(severityAt(autoConfirm, now + HOUR)).toBe('info');
    expect(severityAt(autoConfirm, now + HOUR + 1)).toBeNull();
  });

  test('a window clock warns inside its own threshold; the edit window only while a wrong-number anomaly is open', () => {
    const appeal = stub({ kind: 'fast_refund_appeal_by', severity: 'info', dueAt: now + 49 * HOUR, rule: 'R13', basis: { warnHours: 48 } });
    expect(severityAt(appeal, now)).toBe('info');
    expect(severityAt(appeal, now + HOUR)).toBe('warn');
    const edit = (openAnomaly: 'destination_mismatch' | null) =>
      stub({ kind: 'tracking_edit_by', severity: 'info', dueAt: now + 5 * HOUR, rule: 'R8', basis: { warnHours: 4, openAnomaly } });
    expect(severityAt(edit('destination_mismatch'), now + HOUR)).toBe('warn');
    expect(severityAt(edit(null), now + HOUR)).toBe('info');
  });

  test('a pickup clock without a trace read counts down at info and stays warn past due; with a trace that shows no pickup it is breached', () => {
    expect(severityAt(pickup(now + HOUR, false), now)).toBe('info');
    expect(severityAt(pickup(now + HOUR, false), now + 2 * HOUR)).toBe('warn');
    expect(severityAt(pickup(now + HOUR, false), now + 2000 * HOUR)).toBe('warn');
    expect(severityAt(pickup(now + HOUR, true), now)).toBe('critical');
    expect(severityAt(pickup(now + HOUR, true), now + 2 * HOUR)).toBe('breached');
  });

  test('anomalies never change', () => {
    expect(severityAt(anomaly('rejected', 'critical'), now + 1000 * HOUR)).toBe('critical');
  });
});

describe('badgesFor', () => {
  test('orders by severity, clocks first within a severity, and hides far-away minor clocks', () => {
    const autoConfirm = stub({ kind: 'auto_confirm_at', severity: 'info', dueAt: now + 100 * HOUR, rule: 'R9' });
    const models = badgesFor([anomaly('proxy_signed', 'info'), autoConfirm, shipBy(now + HOUR), anomaly('rejected', 'critical')], enabled, now);
    expect(models.map((model) => model.kind)).toEqual(['ship_by', 'rejected', 'proxy_signed']);
  });

  test('shows no badge for a window that has closed', () => {
    const appeal = stub({ kind: 'fast_refund_appeal_by', severity: 'warn', dueAt: now - HOUR, rule: 'R13', basis: { warnHours: 48 } });
    expect(badgesFor([appeal, shipBy(now - HOUR)], enabled, now).map((model) => [model.kind, model.severity])).toEqual([['ship_by', 'breached']]);
  });

  test('respects the per-kind switches', () => {
    const models = badgesFor([shipBy(now + HOUR), anomaly('rejected', 'critical')], { ...enabled, rejected: false }, now);
    expect(models.map((model) => model.kind)).toEqual(['ship_by']);
  });
});

describe('badgeText', () => {
  const model = (left: number) => badgesFor([shipBy(now + left)], enabled, now)[0]!;
  test.each([
    [5 * HOUR + 12 * 60_000 + 30_000, 'zh', '发货 剩 5时12分'],
    [2 * 24 * HOUR + 3 * HOUR, 'zh', '发货 剩 2天3时'],
    [12 * 60_000 + 5_000, 'zh', '发货 剩 12分05秒'],
    [-(2 * HOUR + 3 * 60_000), 'zh', '发货 超 2时3分'],
    [5 * HOUR + 12 * 60_000, 'en', 'Ship 5h 12m left'],
    [-(45 * 1000), 'en', 'Ship 0m 45s over'],
  ] as const)('%d ms → %s', (left, lang, text) => {
    expect(badgeText(model(left), now, lang)).toBe(text);
  });

  test.each([
    [5 * HOUR + 12 * 60_000, 'zh', '揽收 剩 5时12分 · 未核实'],
    [5 * HOUR + 12 * 60_000, 'en', 'Pickup 5h 12m left · unverified'],
    [-1000, 'zh', '揽收未核实'],
    [-30 * 24 * HOUR, 'en', 'Pickup unverified'],
  ] as const)('a pickup clock with no trace read, %d ms → %s', (left, lang, text) => {
    const [badge] = badgesFor([pickup(now + left, false)], enabled, now);
    expect(badgeText(badge!, now, lang)).toBe(text);
  });

  test('a pickup clock with a trace read counts down and over without a mark', () => {
    const [running] = badgesFor([pickup(now + 5 * HOUR + 12 * 60_000, true)], enabled, now);
    expect(badgeText(running!, now, 'zh')).toBe('揽收 剩 5时12分');
    const [over] = badgesFor([pickup(now - 2 * HOUR - 3 * 60_000, true)], enabled, now);
    expect(badgeText(over!, now, 'zh')).toBe('揽收 超 2时3分');
    expect(over!.severity).toBe('breached');
  });

  test('an anomaly badge reads its label', () => {
    const [rejected] = badgesFor([anomaly('rejected', 'critical')], enabled, now);
    expect(badgeText(rejected!, now, 'zh')).toBe('拒收');
    expect(badgeText(rejected!, now, 'en')).toBe('Rejected by buyer');
  });

  test('the colour follows the band as time passes', () => {
    const badge = model(3 * HOUR);
    expect(badgeSeverity(badge, now)).toBe('warn');
    expect(badgeSeverity(badge, now + HOUR)).toBe('critical');
    expect(badgeSeverity(badge, now + 3 * HOUR + 1)).toBe('breached');
  });
});
