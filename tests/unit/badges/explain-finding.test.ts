import { expect, test } from 'vitest';
import { explainFinding } from '../../../lib/explain/explain-finding';
import { instantFormatter } from '../../../lib/explain/format-instant';
import type { Finding } from '../../../lib/rules/vocabulary';

const pickup: Finding = {
  orderSn: '261119-000000000000002',
  kind: 'pickup_by',
  severity: 'critical',
  dueAt: '2026-11-21T01:12:00.000Z',
  rule: 'R6',
  basis: { shippedAt: '2026-11-20T01:12:00.000Z', trackingNumber: 'YT0000000000001', pickupHours: 24, warnHours: 12, criticalHours: 4, trackingStatus: null, remainingHours: 3.5 },
};

test('says the rule, the timestamps in the merchant zone, the thresholds and what to do', () => {
  const explanation = explainFinding(pickup, 'critical', 'zh', instantFormatter('zh', 'Asia/Shanghai'));
  expect(explanation.title).toBe('揽收截止');
  expect(explanation.severity).toBe('紧急');
  expect(explanation.due).toBe('11/21 09:12');
  expect(explanation.lines).toEqual([
    { key: 'shippedAt', label: '上传单号时间', value: '11/20 09:12' },
    { key: 'trackingNumber', label: '运单号', value: 'YT0000000000001' },
    { key: 'pickupHours', label: '揽收时限', value: '24 小时' },
    { key: 'warnHours', label: '提醒阈值', value: '12 小时' },
    { key: 'criticalHours', label: '紧急阈值', value: '4 小时' },
  ]);
  expect(explanation.rule).toMatch(/^R6 · /);
  expect(explanation.advice).toMatch(/揽收/);
  expect(explanation.heuristic).toBe(false);
});

test('outside China the Beijing time follows the local time', () => {
  const explanation = explainFinding(pickup, 'critical', 'en', instantFormatter('en', 'America/Los_Angeles'));
  expect(explanation.due).toBe('20/11, 17:12 (Beijing 11-21 09:12)');
  expect(explanation.title).toBe('Pickup scan due');
});

test('heuristic findings say they are not platform rules', () => {
  const stalled: Finding = { orderSn: 'x', kind: 'stalled', severity: 'warn', rule: 'A6', basis: { heuristic: true, idleHours: 48 } };
  const explanation = explainFinding(stalled, 'warn', 'zh', instantFormatter('zh', 'Asia/Shanghai'));
  expect(explanation.heuristic).toBe(true);
  expect(explanation.lines).toEqual([{ key: 'idleHours', label: '停滞阈值', value: '48 小时' }]);
});
