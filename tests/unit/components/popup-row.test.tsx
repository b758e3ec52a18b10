// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { courierLine, OrderRow, type RowActions } from '@/components/PopupRows';
import { emptyWaybill, type StoredOrder, type StoredWaybill } from '@/lib/db/records';
import type { FindingKind } from '@/lib/findings/registry';
import { HOUR, NOW, storedOrder } from '../db/helpers';

// What a popup row fits on its lines: the chips that matter most, and the parcel's state in a few words.

const actions: RowActions = { open: () => undefined, snooze: () => undefined, markHandled: () => undefined, undo: () => undefined };
afterEach(cleanup);

const MINUTE = HOUR / 60;

function chipsOf(order: StoredOrder, kind: FindingKind | null = null) {
  render(<OrderRow row={{ order, waybill: null, mute: null }} now={NOW} lang="zh" shopName={null} kind={kind} actions={actions} />);
  const kinds = [...document.querySelectorAll<HTMLElement>('.chip[data-kind]')].map((chip) => chip.dataset.kind);
  const more = screen.queryByTestId('row-more-chips');
  const shown = { kinds, more: more === null ? null : { text: more.textContent, title: more.getAttribute('title') } };
  cleanup();
  return shown;
}

describe('the chips of a row', () => {
  const busy = storedOrder('s1', '261120-000000000000201', [
    { kind: 'extra_package_by', severity: 'info', dueAt: NOW + 40 * HOUR },
    { kind: 'stalled', severity: 'warn' },
    { kind: 'rejected', severity: 'critical' },
    { kind: 'destination_mismatch', severity: 'warn' },
    { kind: 'tracking_edit_by', severity: 'info', dueAt: NOW + 20 * HOUR },
  ]);

  test('four fit; more show the worst three and sum up the rest in one chip that names them', () => {
    const shown = chipsOf(busy);
    expect(shown.kinds).toEqual(['rejected', 'stalled', 'destination_mismatch']);
    expect(shown.more).toEqual({ text: '+2', title: '还有 2 项：补寄截止、单号可修改截止' });
    const four = storedOrder('s1', '261120-000000000000202', busy.findings.slice(0, 4).map(({ kind, severity, dueAt }) => ({ kind, severity, dueAt })));
    expect(chipsOf(four)).toEqual({ kinds: ['rejected', 'stalled', 'destination_mismatch', 'extra_package_by'], more: null });
  });

  test('narrowed to a kind, its chip comes first even when it is the mildest', () => {
    expect(chipsOf(busy, 'tracking_edit_by').kinds).toEqual(['tracking_edit_by', 'rejected', 'stalled']);
  });
});

describe('the courier line', () => {
  const order = (shippingId: number | null, courierName: string | null, tracking: string | null = 'ZT7800000000001'): StoredOrder => {
    const base = storedOrder('s1', '261120-000000000000301', [{ kind: 'pickup_by', severity: 'info', dueAt: NOW + HOUR }], tracking === null ? {} : { tracking });
    return { ...base, facts: { ...base.facts, shippingId, courierName } };
  };
  const waybill = (changes: Partial<StoredWaybill>): StoredWaybill => ({ ...emptyWaybill('s1', 'ZT7800000000001', NOW - 5 * HOUR, null), ...changes });
  const line = (subject: StoredOrder, parcel: StoredWaybill | null, lang: 'zh' | 'en' = 'zh') => courierLine({ order: subject, waybill: parcel, mute: null }, NOW, lang);

  test("the courier's short name, the status and the age of its newest event in its largest unit", () => {
    const read = waybill({ status: 'in_transit', checkedAt: NOW - 10 * MINUTE, lastEventAt: NOW - 6 * HOUR - 40 * MINUTE });
    expect(line(order(115, '中通快递'), read)).toBe('中通 · 运输中 · 6小时前');
    expect(line(order(115, '中通快递'), read, 'en')).toBe('中通 · in transit · 6 h ago');
    expect(line(order(115, '中通快递'), { ...read, lastEventAt: NOW - 50 * HOUR })).toBe('中通 · 运输中 · 2天前');
    expect(line(order(115, '中通快递'), { ...read, lastEventAt: NOW - 20 * MINUTE })).toBe('中通 · 运输中 · 20分钟前');
    expect(line(order(115, '中通快递'), { ...read, lastEventAt: NOW - 20 * 1000 })).toBe('中通 · 运输中 · 刚刚');
    // A courier id the table does not know keeps the console's own wording.
    expect(line(order(99999, '某某物流'), read)).toBe('某某物流 · 运输中 · 6小时前');
  });

  test('a parcel never read says why: not asked yet, or waiting for a phone tail; one read without events says when', () => {
    expect(line(order(115, '中通快递'), null)).toBe('中通 · 尚未查询轨迹');
    expect(line(order(115, '中通快递'), waybill({}))).toBe('中通 · 尚未查询轨迹');
    expect(line(order(115, '中通快递'), waybill({ needsInput: 'phone_tail' }))).toBe('中通 · 需要手机后四位');
    expect(line(order(115, '中通快递'), waybill({ checkedAt: NOW - 3 * HOUR }))).toBe('中通 · 暂无轨迹 · 3小时前查询');
  });

  test('an order not shipped yet names its courier only', () => {
    expect(line(order(115, '中通快递', null), null)).toBe('中通');
    expect(line(order(null, null, null), null)).toBe('');
  });
});
