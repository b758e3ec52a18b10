// End to end: each scenario file of tests/scenarios goes through the real command (tsx lib/assess/cli.ts),
// in a child process that inherits this project's TZ, and the printed JSON is checked.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingJson as Finding } from '../../../lib/findings/serialize';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'lib/assess/cli.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  findings: Finding[];
}

function assess(file: string): Run {
  const child = spawnSync(TSX, [CLI, file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const findings = child.status === 0 ? (JSON.parse(child.stdout) as { findings: Finding[] }).findings : [];
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, findings };
}

const scenario = (name: string) => assess(join(ROOT, 'tests/scenarios', name));
const of = (run: Run, orderSn: string) => run.findings.filter((f) => f.orderSn === orderSn);
const one = (findings: Finding[], kind: Finding['kind']) => {
  const matching = findings.filter((f) => f.kind === kind);
  expect(matching, kind).toHaveLength(1);
  return matching[0] as Finding;
};

describe('npm run assess on the seed stories', { timeout: 60_000 }, () => {
  it('shipped 20 h ago, no pickup scan: pickup clock critical with 4 h left, number looks uploaded early', () => {
    const run = scenario('no-pickup-after-20h.json');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const waiting = of(run, '261119-100000000000001');
    expect(one(waiting, 'pickup_by')).toEqual({
      orderSn: '261119-100000000000001',
      kind: 'pickup_by',
      severity: 'critical',
      dueAt: '2026-11-20T06:00:00.000Z',
      rule: 'R6',
      basis: {
        shippedAt: '2026-11-19T06:00:00.000Z',
        trackingNumber: 'ZT7800000000001',
        pickupHours: 24,
        warnHours: 12,
        criticalHours: 4,
        trackingStatus: 'pending',
        trackingCheckedAt: '2026-11-20T02:00:00.000Z',
        unreadEvents: null,
        verified: true,
        remainingHours: 4,
      },
    });
    expect(one(waiting, 'early_upload')).toMatchObject({ severity: 'warn', basis: { reason: 'no_scan', rawSub: '101' } });
    expect(one(waiting, 'tracking_edit_by')).toMatchObject({ severity: 'warn', basis: { openAnomaly: 'early_upload', remainingHours: 4 } });
    // The parcel scanned 2 h after upload has no pickup clock, no anomaly, and an info-only edit window.
    const scanned = of(run, '261119-100000000000002');
    expect(scanned.map((f) => `${f.kind}:${f.severity}`).sort()).toEqual(['auto_confirm_at:info', 'tracking_edit_by:info']);
    // Most urgent first.
    expect(run.findings[0]).toMatchObject({ kind: 'pickup_by', orderSn: '261119-100000000000001' });
  });

  it('number uploaded a day before the parcel was handed over: early_upload from the late first scan', () => {
    const run = scenario('early-upload.json');
    expect(run.status).toBe(0);
    const found = one(run.findings, 'early_upload');
    expect(found).toMatchObject({
      orderSn: '261118-100000000000011',
      severity: 'warn',
      rule: 'A5',
      basis: { reason: 'late_first_scan', shippedAt: '2026-11-18T10:00:00.000Z', firstScanAt: '2026-11-19T12:30:00.000Z', firstScanHours: 24, firstScanAfterHours: 26.5 },
    });
    expect(run.findings.some((f) => f.kind === 'pickup_by')).toBe(false);
  });

  it('ten rejections of one product in a week: one rejection_cluster on the product, the old and the other product left out', () => {
    const run = scenario('rejections-one-product.json');
    expect(run.status).toBe(0);
    const cluster = one(run.findings, 'rejection_cluster');
    expect(cluster).toEqual({
      goodsId: '800200300',
      kind: 'rejection_cluster',
      severity: 'critical',
      rule: 'OS2',
      basis: expect.objectContaining({
        goodsName: '测试商品 网红折叠雨伞',
        rejectedOrders: 10,
        thresholdCount: 3,
        windowDays: 7,
        firstRejectedAt: '2026-11-15T07:30:00.000Z',
        lastRejectedAt: '2026-11-19T07:30:00.000Z',
      }) as unknown,
    });
    expect(String(cluster.basis.orderSns).split(',')).toHaveLength(10);
    expect(String(cluster.basis.orderSns)).not.toContain('261109-200000000000099');
    expect(run.findings.filter((f) => f.kind === 'rejected')).toHaveLength(13);
    expect(run.findings.filter((f) => f.kind === 'returning').map((f) => f.orderSn).sort()).toEqual([
      '261115-200000000000007',
      '261116-200000000000008',
      '261117-200000000000009',
    ]);
    expect(run.findings.some((f) => f.kind === 'destination_mismatch')).toBe(false);
  });

  it('refund asked for while the parcel is in transit: intercept it, and the case clock runs', () => {
    const run = scenario('refund-in-transit.json');
    expect(run.status).toBe(0);
    expect(run.findings[0]).toEqual({
      orderSn: '261119-400000000000001',
      kind: 'intercept_parcel',
      severity: 'critical',
      rule: 'OS1',
      basis: {
        refundSource: 'after_sale',
        afterSaleId: '6120000401',
        refundRequestedAt: '2026-11-19T22:00:00.000Z',
        afterSaleStatus: '仅退款，待商家处理',
        statusText: '已发货，待收货',
        shippedAt: '2026-11-18T20:00:00.000Z',
        trackingNumber: 'JT0000000000401',
        trackingStatus: 'in_transit',
        lastEventAt: '2026-11-19T21:20:00.000Z',
        lastEventText: '快件已发往【广州转运中心】',
      },
    });
    expect(one(run.findings, 'after_sale_reply_by')).toMatchObject({ severity: 'info', dueAt: '2026-11-21T10:00:00.000Z', rule: 'A16' });
  });

  it('an after-sales case with two hours left is critical; a second more is only warn', () => {
    const run = scenario('after-sale-two-hours-left.json');
    expect(run.status).toBe(0);
    expect(one(of(run, '261110-500000000000001'), 'after_sale_reply_by')).toMatchObject({
      severity: 'critical',
      dueAt: '2026-11-20T04:00:00.000Z',
      basis: { expireRemainSeconds: 7200, expireActionDesc: '超时未处理，系统将自动同意退款', afterSaleKind: 'return_refund' },
    });
    expect(one(of(run, '261110-500000000000002'), 'after_sale_reply_by')).toMatchObject({ severity: 'warn', dueAt: '2026-11-20T04:00:01.000Z' });
    expect(one(of(run, '261110-500000000000002'), 'logistics_refund').basis.reasonText).toBe('快递太慢了');
    // The case whose order is not in the list is still assessed.
    expect(one(of(run, '261101-500000000000003'), 'timeout_auto_refund')).toMatchObject({ severity: 'critical', basis: { closedAt: '2026-11-02T02:00:05.000Z' } });
    expect(run.findings.map((f) => f.severity)).toEqual(['critical', 'critical', 'warn', 'info', 'info']);
  });
});

describe('npm run assess on bad input', { timeout: 60_000 }, () => {
  it('names each malformed row and bad setting on stderr, assesses the rest, exits 0', () => {
    const run = scenario('malformed-rows.json');
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      'assess: policy.stallInTransitHours: expected a number of hours, got "two days"; default 48 hours kept',
      expect.stringMatching(/^assess: policy\.pickupHourz: unknown key \(known: /),
      'assess: orders[1]: order_sn missing; row skipped',
      'assess: orders[2]: expected an object, got "261119-600000000000003"; row skipped',
      'assess: orders[3]: shipping_time: expected a number, got "soon"; row skipped',
      'assess: afterSales[0]: id missing; row skipped',
      'assess: traces.ZT7800000000601: Kuaidi100 returnCode 408: 快递公司参数异常：验证码错误',
    ]);
    // The valid override (pickupHours 30) is applied: due 30 h after the 14:00 upload. Its trace is an error
    // reply, which is no reading: the countdown stays unverified, at info.
    expect(one(of(run, '261119-600000000000001'), 'pickup_by')).toMatchObject({
      dueAt: '2026-11-20T12:00:00.000Z',
      severity: 'info',
      basis: { pickupHours: 30, verified: false },
    });
    expect(one(of(run, '261119-600000000000005'), 'ship_by')).toMatchObject({ severity: 'critical', dueAt: '2026-11-20T03:30:00.000Z' });
    expect(run.findings.some((f) => f.orderSn === '261119-600000000000004')).toBe(false);
  });

  const dir = mkdtempSync(join(tmpdir(), 'assess-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    ['a missing file', join(dir, 'nope.json'), /^assess: cannot read .*nope\.json: ENOENT/],
    ['text that is not JSON', file('broken.json', '{"now": '), /^assess: .*broken\.json is not JSON: /],
    ['a JSON list', file('list.json', '[]'), /expected a JSON object with now, orders, afterSales and traces/],
    ['an unreadable now', file('now.json', '{"now":"tomorrow","orders":[]}'), /now: "tomorrow" is not an ISO-8601 time/],
  ])('exits 2 on %s', (_label, path, message) => {
    const run = assess(path);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('prints one line per problem: text in the input cannot forge a diagnostic of its own', () => {
    const forged = JSON.stringify({
      now: '2026-11-20T10:00:00+08:00',
      orders: [{ order_sn: '261119-700000000000001', order_status_str: '待发货', shipping_time: 'soon\nassess: orders[9]: fake line' }],
    });
    const run = assess(file('forged.json', forged));
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n').filter((line) => line !== '')).toEqual([
      'assess: orders[0]: shipping_time: expected a number, got "soon\\nassess: orders[9]: fake line"; row skipped',
    ]);
  });

  it('a trace with an unreadable 已揽收 event and a readable 已下单 one: the pickup is unverified, not breached, and no early upload', () => {
    const partlyUnread = JSON.stringify({
      now: '2026-11-20T10:00:00+08:00',
      orders: [{ order_sn: '261119-1', order_status_str: '已发货，待收货', order_time: 1795014000, promise_shipping_time: 1795176000, shipping_time: 1795032000, tracking_number: 'YT123', shipping_id: 85, province_name: '江苏省', city_name: '苏州市', receive_name: '张三', mobile: '138****0001' }],
      afterSales: [],
      traces: {
        YT123: {
          nu: 'YT123',
          state: '0',
          data: [
            { time: '19/11/2026 07:10', context: '【苏州】已揽收' },
            { time: '2026-11-19 05:00:00', context: '商家已下单，等待快递员揽收', statusCode: '101' },
          ],
        },
      },
    });
    const run = assess(file('partly-unread.json', partlyUnread));
    expect(run.status).toBe(0);
    expect(run.stderr.trim()).toBe('assess: traces.YT123: data[0].time: "19/11/2026 07:10" is not a time; event skipped');
    expect(one(run.findings, 'pickup_by')).toMatchObject({ severity: 'warn', basis: { verified: false, unreadEvents: 1, trackingStatus: 'pending' } });
    expect(run.findings.filter((f) => f.kind === 'early_upload' || f.kind === 'tracking_invalid')).toEqual([]);
  });

  it('keeps the JSON parser\'s quote of the input on the one line it prints', () => {
    const run = assess(file('broken-lines.json', '{"now":\nassess: fake line\n'));
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line !== '')).toHaveLength(1);
    expect(run.stderr).toMatch(/^assess: .*broken-lines\.json is not JSON: /);
  });

  it('accepts a file with a byte-order mark', () => {
    const run = assess(file('bom.json', '\uFEFF{"now":"2026-11-20T10:00:00+08:00","orders":[]}'));
    expect(run).toMatchObject({ status: 0, stderr: '', findings: [] });
  });
});
