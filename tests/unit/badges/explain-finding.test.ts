import { expect, test } from 'vitest';
import { explainFinding } from '../../../lib/explain/explain-finding';
import { instantFormatter } from '../../../lib/explain/format-instant';
import type { Finding } from '../../../lib/findings/registry';
import { stub } from '../findings/builders';

const pickup: Finding = {
  orderSn: '261119-000000000000002',
  kind: 'pickup_by',
  severity: 'critical',
  dueAt: Date.parse('2026-11-21T01:12:00.000Z'),
  rule: 'R6',
  basis: {
    shippedAt: Date.parse('2026-11-20T01:12:00.000Z'),
    trackingNumber: 'YT0000000000001',
    pickupHours: 24,
    warnHours: 12,
    criticalHours: 4,
    trackingStatus: null,
    trackingCheckedAt: Date.parse('2026-11-20T20:00:00.000Z'),
    unreadEvents: null,
    verified: true,
    remainingHours: 3.5,
  },
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
    { key: 'trackingCheckedAt', label: '物流查询时间', value: '11/21 04:00' },
  ]);
  expect(explanation.rule).toMatch(/^R6 · /);
  expect(explanation.advice).toMatch(/揽收/);
  expect(explanation.heuristic).toBe(false);
  // A trace was read: nothing to verify.
  expect(explanation.verify).toBeNull();
});

test('a pickup clock with no trace read says how to verify it: a query service, or the order\'s logistics in the console', () => {
  const unverified = { ...pickup, severity: 'info', basis: { ...pickup.basis, trackingCheckedAt: null, verified: false } } as Finding;
  const zh = explainFinding(unverified, 'info', 'zh', instantFormatter('zh', 'Asia/Shanghai'));
  expect(zh.verify).toMatch(/选项页选择查询服务/);
  expect(zh.verify).toMatch(/打开这个订单的物流/);
  expect(zh.lines.map((line) => line.key)).not.toContain('trackingCheckedAt');
  const en = explainFinding(unverified, 'info', 'en', instantFormatter('en', 'UTC'));
  expect(en.verify).toMatch(/choose a query service .* or open this order's logistics in the console/);
});

test('outside China the Beijing time follows the local time', () => {
  const explanation = explainFinding(pickup, 'critical', 'en', instantFormatter('en', 'America/Los_Angeles'));
  expect(explanation.due).toBe('20/11, 17:12 (Beijing 11-21 09:12)');
  expect(explanation.title).toBe('Pickup scan due');
});

test('heuristic findings say they are not platform rules; the idle time and its limit have their own names', () => {
  const stalled = stub({ kind: 'stalled', severity: 'warn', rule: 'A6', basis: { heuristic: true, idleHours: 50, thresholdHours: 48 } });
  const explanation = explainFinding(stalled, 'warn', 'zh', instantFormatter('zh', 'Asia/Shanghai'));
  expect(explanation.heuristic).toBe(true);
  expect(explanation.lines).toEqual([
    { key: 'idleHours', label: '已停滞', value: '50 小时' },
    { key: 'thresholdHours', label: '停滞阈值', value: '48 小时' },
  ]);
  expect(explainFinding(stalled, 'warn', 'en', instantFormatter('en', 'UTC')).lines.map((line) => line.label)).toEqual(['Idle for', 'Idle limit']);
});

test('codes read as words, in both languages, never as the raw ids', () => {
  const edit = stub({ kind: 'tracking_edit_by', severity: 'warn', rule: 'R8', basis: { openAnomaly: 'early_upload', editHours: 24 } });
  expect(explainFinding(edit, 'warn', 'zh', instantFormatter('zh', 'Asia/Shanghai')).lines).toEqual([
    { key: 'editHours', label: '可修改时限', value: '24 小时' },
    { key: 'openAnomaly', label: '相关异常', value: '提前上传单号' },
  ]);
  const early = stub({ kind: 'early_upload', severity: 'warn', rule: 'A5', basis: { reason: 'no_scan', trackingStatus: 'pending', rawState: '1', rawSub: '101' } });
  expect(explainFinding(early, 'warn', 'en', instantFormatter('en', 'UTC')).lines).toEqual([
    { key: 'trackingStatus', label: 'Tracking status', value: 'awaiting pickup' },
    { key: 'rawState', label: 'Courier state code', value: '1' },
    { key: 'rawSub', label: 'Courier sub-code', value: '101' },
    { key: 'reason', label: 'Reason', value: 'no pickup scan since upload' },
  ]);
});
