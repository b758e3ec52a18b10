// The notification planner, table by table, with an injected clock (issue 12 § Tests): each lead time, digest
// grouping, quiet hours and the summary after them, snooze and handled, dedupe across restarts (the log is
// the memory), sleep catch-up, several shops, unverified pickups.
import { describe, expect, test } from 'vitest';
import { DIGEST_WINDOW_MS, planNotifications } from '../../../lib/notifications/planner';
import type { LeadTimeKind, NotifyAnomalyKind } from '../../../lib/notifications/types';
import { UNKNOWN_SHOP } from '../../../lib/db/records';
import { HOUR, MINUTE, NOON, finding, inputAt, run, runUntil, world } from './helpers';

describe('lead times', () => {
  const table: [LeadTimeKind, number, string][] = [
    ['ship_by', 4, '4 小时内需发货'],
    ['ship_by', 1, '1 小时内需发货'],
    ['pickup_by', 8, '8 小时内需揽收'],
    ['pickup_by', 2, '2 小时内需揽收'],
    ['after_sale_reply_by', 6, '6 小时内需处理'],
    ['after_sale_reply_by', 1, '1 小时内需处理'],
  ];
  test.each(table)('%s: the %d h mark notifies at the mark, not a second before', (kind, hours, words) => {
    const dueAt = NOON + 10 * HOUR;
    const mark = dueAt - hours * HOUR;
    const order = finding({ kind, dueAt, openedAt: NOON - 30 * HOUR });
    const state = world({ findings: [order] });
    // The larger marks were already sent (their own rows of the table).
    for (const lead of state.settings.leadHours[kind]) if (lead > hours) state.sent.push({ shopId: 'shop-a', key: `lead:${kind}:${lead}:${order.orderSn}`, sentAt: 0 });
    const before = run(state, mark - 1);
    expect(before.show).toEqual([]);
    expect(before.nextDueAt).toBe(mark);
    const at = run(state, mark);
    expect(at.show).toHaveLength(1);
    expect(at.show[0]).toMatchObject({ key: `lead:${kind}:${hours}:${order.orderSn}`, covers: [`lead:${kind}:${hours}:${order.orderSn}`], orderSns: [order.orderSn], kind });
    expect(at.show[0]?.title).toMatch(new RegExp(`^订单 ${order.orderSn} (的售后 )?${words}$`));
    expect(at.show[0]?.body).toMatch(/^截止 11\/20 22:00（剩 \d+时0分）$/);
    expect(run(state, mark + MINUTE).show).toEqual([]);
  });

  test('edited lead times apply: ship_by [2, 0.5]', () => {
    const dueAt = NOON + 5 * HOUR;
    const state = world({ findings: [finding({ kind: 'ship_by', dueAt })] });
    state.settings.leadHours.ship_by = [0.5, 2];
    const runs = runUntil(state, NOON, dueAt);
    const shown = runs.filter((entry) => entry.plan.show.length > 0);
    expect(shown.map((entry) => (entry.at - NOON) / MINUTE)).toEqual([180, 270]);
    expect(shown.map((entry) => entry.plan.show[0]?.title.split(' ').slice(2).join(' '))).toEqual(['2 小时内需发货', '0.5 小时内需发货']);
  });

  test('a finding first seen after both marks: one notification covering both, told by the smaller', () => {
    const dueAt = NOON + 40 * MINUTE;
    const order = finding({ kind: 'ship_by', dueAt, openedAt: NOON });
    const plan = run(world({ findings: [order] }), NOON);
    expect(plan.show).toHaveLength(1);
    expect(plan.show[0]?.covers).toEqual([`lead:ship_by:4:${order.orderSn}`, `lead:ship_by:1:${order.orderSn}`]);
    expect(plan.show[0]?.title).toContain('1 小时内需发货');
    expect(plan.nextDueAt).toBeNull();
  });

  test('past its deadline a clock is not notified (the badge says breached); without a due time neither', () => {
    const state = world({ findings: [finding({ kind: 'ship_by', dueAt: NOON - MINUTE, severity: 'breached' }), finding({ kind: 'after_sale_reply_by', dueAt: null })] });
    expect(run(state, NOON)).toEqual({ show: [], nextDueAt: null });
  });

  test('a clock kind without lead times (tracking_edit_by) and a non-notifying anomaly (stalled) never notify', () => {
    const state = world({ findings: [finding({ kind: 'tracking_edit_by', dueAt: NOON + HOUR }), finding({ kind: 'stalled', severity: 'warn' })] });
    expect(run(state, NOON)).toEqual({ show: [], nextDueAt: null });
  });

  test('notifications off: nothing, and no next run', () => {
    const state = world({ findings: [finding({ kind: 'ship_by', dueAt: NOON + HOUR })] });
    state.settings.enabled = false;
    expect(run(state, NOON)).toEqual({ show: [], nextDueAt: null });
  });
});

describe('critical anomalies', () => {
  const kinds: NotifyAnomalyKind[] = ['rejected', 'returning', 'intercept_parcel', 'duplicate_tracking', 'tracking_invalid', 'timeout_auto_refund'];
  test.each(kinds)('%s notifies the moment it opens, once', (kind) => {
    const anomaly = finding({ kind, severity: 'critical', openedAt: NOON });
    const state = world({ findings: [anomaly] });
    const plan = run(state, NOON);
    expect(plan.show).toHaveLength(1);
    expect(plan.show[0]).toMatchObject({ key: `anomaly:${kind}:${anomaly.orderSn}:${NOON}`, kind, severity: 'critical', orderSns: [anomaly.orderSn] });
    expect(plan.show[0]?.title).toMatch(new RegExp(`：订单 ${anomaly.orderSn}$`));
    expect(run(state, NOON + MINUTE).show).toEqual([]);
  });

  test('an anomaly switched off in the settings does not notify; the others still do', () => {
    const state = world({ findings: [finding({ kind: 'rejected', severity: 'critical' }), finding({ kind: 'returning', severity: 'critical' })] });
    state.settings.anomalies.rejected = false;
    expect(run(state, NOON).show.map((shown) => shown.kind)).toEqual(['returning']);
  });

  test('the same anomaly reopened later (a new openedAt) notifies again', () => {
    const first = finding({ kind: 'rejected', severity: 'critical', openedAt: NOON });
    const state = world({ findings: [first] });
    run(state, NOON);
    state.findings = [{ ...first, openedAt: NOON + 5 * HOUR }];
    expect(run(state, NOON + 5 * HOUR).show).toHaveLength(1);
  });
});

describe('digests', () => {
  const dueAt = NOON + HOUR;
  const five = () => Array.from({ length: 5 }, () => finding({ kind: 'ship_by', dueAt }));

  test('five due in the same minute: one digest "5 个订单 1 小时内需发货" covering all five, no orders named', () => {
    const orders = five();
    const state = world({ findings: orders });
    for (const order of orders) state.sent.push({ shopId: 'shop-a', key: `lead:ship_by:4:${order.orderSn}`, sentAt: 0 });
    const plan = run(state, NOON);
    expect(plan.show).toHaveLength(1);
    const digest = plan.show[0];
    expect(digest?.kind).toBe('digest');
    expect(digest?.title).toBe('5 个订单 1 小时内需发货');
    expect(digest?.key).toMatch(/^digest:\d+:[0-9a-z]+$/);
    expect(digest?.covers.sort()).toEqual(orders.map((order) => `lead:ship_by:1:${order.orderSn}`).sort());
    expect(digest?.orderSns).toHaveLength(5);
    expect(digest?.body).not.toContain('订单：');
  });

  test('three or fewer: the digest names them', () => {
    const orders = five().slice(0, 3);
    const state = world({ findings: orders });
    for (const order of orders) state.sent.push({ shopId: 'shop-a', key: `lead:ship_by:4:${order.orderSn}`, sentAt: 0 });
    const digest = run(state, NOON).show[0];
    expect(digest?.title).toBe('3 个订单 1 小时内需发货');
    expect(digest?.body).toBe(`订单：${orders.map((order) => order.orderSn).join('、')}`);
  });

  test('a mark passing brings forward marks due within 30 minutes (the title says the longer time), not later ones', () => {
    const now = NOON;
    const at = finding({ kind: 'after_sale_reply_by', dueAt: now + 6 * HOUR });
    const soon = finding({ kind: 'after_sale_reply_by', dueAt: now + 6 * HOUR + 20 * MINUTE });
    const later = finding({ kind: 'after_sale_reply_by', dueAt: now + 6 * HOUR + 40 * MINUTE });
    const state = world({ findings: [at, soon, later] });
    const plan = run(state, now);
    expect(plan.show).toHaveLength(1);
    expect(plan.show[0]?.title).toBe('2 个售后 6.5 小时内需处理');
    expect(plan.show[0]?.orderSns).toEqual([at.orderSn, soon.orderSn]);
    expect(plan.nextDueAt).toBe(now + 40 * MINUTE);
    expect(DIGEST_WINDOW_MS).toBe(30 * MINUTE);
  });

  test('kinds mixed: one digest with a line per group and the anomalies', () => {
    const state = world({
      findings: [
        finding({ kind: 'ship_by', dueAt: NOON + 4 * HOUR }),
        finding({ kind: 'ship_by', dueAt: NOON + 4 * HOUR }),
        finding({ kind: 'pickup_by', dueAt: NOON + 8 * HOUR }),
        finding({ kind: 'rejected', severity: 'critical', openedAt: NOON }),
      ],
    });
    const plan = run(state, NOON);
    expect(plan.show).toHaveLength(1);
    expect(plan.show[0]?.title).toBe('4 项订单提醒');
    expect(plan.show[0]?.severity).toBe('critical');
    expect(plan.show[0]?.body.split('\n').slice(0, 3)).toEqual(['2 个订单 4 小时内需发货', '1 个包裹 8 小时内需揽收', '1 个异常：拒收']);
  });

  test('digest off: one notification per order, none brought forward', () => {
    const orders = five();
    const later = finding({ kind: 'ship_by', dueAt: dueAt + 10 * MINUTE });
    const state = world({ findings: [...orders, later] });
    state.settings.digest = false;
    for (const order of [...orders, later]) state.sent.push({ shopId: 'shop-a', key: `lead:ship_by:4:${order.orderSn}`, sentAt: 0 });
    const plan = run(state, NOON);
    expect(plan.show).toHaveLength(5);
    expect(plan.show.every((shown) => shown.covers.length === 1 && shown.orderSns.length === 1)).toBe(true);
    expect(plan.nextDueAt).toBe(NOON + 10 * MINUTE);
  });

  test('the digest key is the same for the same items at the same minute (a restarted worker finds it logged)', () => {
    const orders = five();
    const a = planNotifications(inputAt(world({ findings: orders }), NOON));
    const b = planNotifications(inputAt(world({ findings: [...orders].reverse() }), NOON + 20_000));
    expect(a.show[0]?.key).toBe(b.show[0]?.key);
  });
});

describe('quiet hours', () => {
  // 22:00–07:00 Beijing time.
  const quietStart = Date.parse('2026-11-20T22:00:00+08:00');
  const quietEnd = Date.parse('2026-11-21T07:00:00+08:00');

  test('nothing shown inside; the next run is their end; one summary then, covering what they held back', () => {
    // Its 4 h mark (04:30) falls inside, its 1 h mark (07:30) after them.
    const order = finding({ kind: 'ship_by', dueAt: Date.parse('2026-11-21T08:30:00+08:00'), openedAt: NOON });
    const state = world({ findings: [order], settings: { ...world().settings, quietHours: { start: '22:00', end: '07:00' } } });
    expect(run(state, quietStart - HOUR)).toEqual({ show: [], nextDueAt: quietStart - 15 * MINUTE });
    expect(run(state, quietStart - 15 * MINUTE)).toEqual({ show: [], nextDueAt: quietEnd });
    // Seen in the night: an anomaly, and a clock that runs out before morning.
    const anomaly = finding({ kind: 'returning', severity: 'critical', openedAt: quietStart + 2 * HOUR });
    const night = finding({ kind: 'ship_by', dueAt: quietStart + 5 * HOUR, openedAt: quietStart + 2 * HOUR });
    state.findings.push(anomaly, night);
    expect(run(state, quietStart + 2 * HOUR)).toEqual({ show: [], nextDueAt: quietEnd });
    const morning = run(state, quietEnd);
    expect(morning.show).toHaveLength(1);
    const shown = morning.show[0];
    expect(shown).toMatchObject({ key: `quiet-summary:${quietEnd}`, kind: 'summary', severity: 'critical' });
    expect(shown?.title).toBe('免打扰期间的 3 项提醒');
    expect(shown?.body.split('\n')).toEqual([
      '1 个订单 1.5 小时内需发货',
      '1 个异常：退回',
      '1 项已超过截止时间',
      `订单：${[order, anomaly, night].map((item) => item.orderSn).sort().join('、')}`,
    ]);
    expect(shown?.covers).toEqual(expect.arrayContaining([`lead:ship_by:4:${order.orderSn}`, `anomaly:returning:${anomaly.orderSn}:${anomaly.openedAt}`, `lead:ship_by:1:${night.orderSn}`]));
    expect(run(state, quietEnd + MINUTE).show).toEqual([]);
  });

  test('a clock that would run out inside them (or within its last lead after them) is warned 15 minutes before they start', () => {
    const order = finding({ kind: 'ship_by', dueAt: Date.parse('2026-11-21T05:00:00+08:00'), openedAt: NOON });
    const state = world({ findings: [order], settings: { ...world().settings, quietHours: { start: '22:00', end: '07:00' } } });
    expect(run(state, quietStart - HOUR)).toEqual({ show: [], nextDueAt: quietStart - 15 * MINUTE });
    const before = run(state, quietStart - 15 * MINUTE);
    expect(before.show.map((shown) => [shown.title, shown.covers.length])).toEqual([[`订单 ${order.orderSn} 7.5 小时内需发货`, 2]]);
    expect(run(state, quietEnd).show).toEqual([]);
  });

  test('quiet hours end, nothing was held back: no summary, the day goes on as usual', () => {
    const state = world({ findings: [finding({ kind: 'ship_by', dueAt: quietEnd + 5 * HOUR })], settings: { ...world().settings, quietHours: { start: '22:00', end: '07:00' } } });
    const plan = run(state, quietEnd + HOUR);
    expect(plan.show.map((shown) => shown.key.split(':')[0])).toEqual(['lead']);
  });

  test("quiet hours are the merchant's wall clock: 22:00–07:00 in Los Angeles across the DST change", () => {
    // 2026-11-01 02:00 PDT → 01:00 PST; quiet from 10-31 22:00 PDT (05:00Z) to 11-01 07:00 PST (15:00Z): 10 h.
    const start = Date.parse('2026-11-01T05:00:00Z');
    const end = Date.parse('2026-11-01T15:00:00Z');
    const state = world({
      findings: [finding({ kind: 'rejected', severity: 'critical', openedAt: start + HOUR })],
      timeZone: 'America/Los_Angeles',
      settings: { ...world().settings, quietHours: { start: '22:00', end: '07:00' } },
    });
    expect(run(state, start + HOUR)).toEqual({ show: [], nextDueAt: end });
    expect(run(state, end - 1).show).toEqual([]);
    expect(run(state, end).show.map((shown) => shown.key)).toEqual([`quiet-summary:${end}`]);
  });

  test('a mark that would fall inside quiet hours: a run just before they start, then none until their end', () => {
    const state = world({ findings: [finding({ kind: 'ship_by', dueAt: Date.parse('2026-11-21T09:00:00+08:00') })], settings: { ...world().settings, quietHours: { start: '22:00', end: '07:00' } } });
    expect(run(state, NOON).nextDueAt).toBe(quietStart - 15 * MINUTE);
    // Its last mark (08:00) is after them: nothing to warn before; the 4 h mark (05:00) waits for their end.
    expect(run(state, quietStart - 15 * MINUTE)).toEqual({ show: [], nextDueAt: quietEnd });
  });

  test('asleep through the run before them: the summary at their end counts the clock (past due) and the unverified pickups', () => {
    const order = finding({ kind: 'ship_by', dueAt: Date.parse('2026-11-21T05:00:00+08:00'), openedAt: NOON });
    const parcel = finding({ kind: 'pickup_by', dueAt: Date.parse('2026-11-21T06:00:00+08:00'), verified: false, severity: 'info', openedAt: NOON });
    const state = world({ findings: [order, parcel], settings: { ...world().settings, quietHours: { start: '22:00', end: '07:00' } }, lastRunAt: quietStart - HOUR });
    const plan = run(state, quietEnd + HOUR);
    expect(plan.show.map((shown) => shown.key)).toEqual([`quiet-summary:${quietEnd}`]);
    expect(plan.show[0]?.body.split('\n')).toEqual(['1 项已超过截止时间', '1 个包裹揽收未核实', `订单：${order.orderSn}`]);
    expect(plan.show[0]?.covers).toEqual([`lead:ship_by:4:${order.orderSn}`, `lead:ship_by:1:${order.orderSn}`, 'unverified:2026-11-21']);
  });

  test('a clock running out two nights ahead, with no run in between: still warned before its night', () => {
    const order = finding({ kind: 'ship_by', dueAt: Date.parse('2026-11-22T05:00:00+08:00') });
    const state = world({ findings: [order], settings: { ...world().settings, quietHours: { start: '22:00', end: '07:00' } } });
    const runs = runUntil(state, NOON, Date.parse('2026-11-22T08:00:00+08:00'));
    const shown = runs.filter((entry) => entry.plan.show.length > 0);
    expect(shown.map((entry) => [new Date(entry.at).toISOString(), entry.plan.show[0]?.covers.length])).toEqual([['2026-11-21T13:45:00.000Z', 2]]);
  });
});

describe('snooze and 已处理', () => {
  test('an order snoozed: nothing until the snooze ends, then the held mark', () => {
    const order = finding({ kind: 'ship_by', dueAt: NOON + 4 * HOUR });
    const state = world({ findings: [order] });
    state.mutes.orders[`shop-a|${order.orderSn}`] = NOON + HOUR;
    const snoozed = run(state, NOON);
    expect(snoozed).toEqual({ show: [], nextDueAt: NOON + HOUR });
    expect(run(state, NOON + HOUR).show.map((shown) => shown.key)).toEqual([`lead:ship_by:4:${order.orderSn}`]);
  });

  test('a kind snoozed mutes that kind only', () => {
    const anomaly = finding({ kind: 'rejected', severity: 'critical', openedAt: NOON });
    const clock = finding({ kind: 'ship_by', dueAt: NOON + HOUR });
    const state = world({ findings: [anomaly, clock] });
    state.mutes.kinds.rejected = NOON + 2 * HOUR;
    const plan = run(state, NOON);
    expect(plan.show.map((shown) => shown.kind)).toEqual(['ship_by']);
    expect(plan.nextDueAt).toBe(NOON + 2 * HOUR);
    expect(run(state, NOON + 2 * HOUR).show.map((shown) => shown.kind)).toEqual(['rejected']);
  });

  test('a snooze past the deadline: no notification, no wake-up for it', () => {
    const order = finding({ kind: 'ship_by', dueAt: NOON + HOUR });
    const state = world({ findings: [order] });
    state.mutes.orders[`shop-a|${order.orderSn}`] = NOON + 2 * HOUR;
    expect(run(state, NOON)).toEqual({ show: [], nextDueAt: null });
  });

  test('已处理: findings opened before the mark are silent for good; one opened after it notifies', () => {
    const old = finding({ kind: 'ship_by', dueAt: NOON + HOUR, openedAt: NOON - 5 * HOUR });
    const state = world({ findings: [old] });
    state.mutes.handled[`shop-a|${old.orderSn}`] = NOON - HOUR;
    expect(run(state, NOON)).toEqual({ show: [], nextDueAt: null });
    const fresh = finding({ kind: 'intercept_parcel', severity: 'critical', orderSn: old.orderSn, openedAt: NOON });
    state.findings.push(fresh);
    expect(run(state, NOON + MINUTE).show.map((shown) => shown.kind)).toEqual(['intercept_parcel']);
  });
});

describe('dedupe: the log is the memory', () => {
  test('a restarted worker (new process, same log) shows nothing again, at the same minute or later', () => {
    const findings = [finding({ kind: 'ship_by', dueAt: NOON + HOUR }), finding({ kind: 'rejected', severity: 'critical', openedAt: NOON }), finding({ kind: 'pickup_by', dueAt: NOON + 2 * HOUR })];
    const state = world({ findings });
    expect(run(state, NOON).show).toHaveLength(1);
    // Nothing but the log and lastRunAt survives: a fresh world with copies of them.
    for (const later of [NOON, NOON + 20_000, NOON + 5 * MINUTE]) {
      const restarted = world({ findings: findings.map((item) => ({ ...item })), sent: state.sent.map((entry) => ({ ...entry })), lastRunAt: state.lastRunAt });
      expect(planNotifications(inputAt(restarted, later)).show).toEqual([]);
    }
  });

  test('after an update or a browser restart without lastRunAt: still nothing twice', () => {
    const findings = [finding({ kind: 'after_sale_reply_by', dueAt: NOON + 30 * MINUTE })];
    const state = world({ findings });
    run(state, NOON);
    const restarted = world({ findings, sent: [...state.sent], lastRunAt: null });
    expect(run(restarted, NOON + 3 * HOUR).show).toEqual([]);
  });

  test('two days of runs at every alarm: every lead mark exactly once', () => {
    const findings = Array.from({ length: 40 }, (_, i) => finding({ kind: i % 2 === 0 ? 'ship_by' : 'after_sale_reply_by', dueAt: NOON + (i * 37 + 300) * MINUTE }));
    const state = world({ findings });
    const runs = runUntil(state, NOON, NOON + 48 * HOUR);
    const covered = runs.flatMap((entry) => entry.plan.show.flatMap((shown) => shown.covers));
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered).toHaveLength(80);
  });
});

describe('sleep catch-up', () => {
  test('the computer slept through several marks: one catch-up summary, not a burst', () => {
    const findings = Array.from({ length: 6 }, (_, i) => finding({ kind: i < 3 ? 'ship_by' : 'after_sale_reply_by', dueAt: NOON + 7 * HOUR + i * 20 * MINUTE, openedAt: NOON - HOUR }));
    const state = world({ findings, lastRunAt: NOON });
    const wake = NOON + 5 * HOUR;
    const plan = run(state, wake);
    expect(plan.show).toHaveLength(1);
    expect(plan.show[0]).toMatchObject({ key: `catch-up:${Math.floor(wake / MINUTE)}`, kind: 'summary' });
    expect(plan.show[0]?.title).toBe('离开期间的 6 项提醒');
    expect(plan.show[0]?.covers).toHaveLength(6);
    expect(run(state, wake + MINUTE).show).toEqual([]);
  });

  test('a run on time (the alarm fired) after a long quiet gap is no catch-up', () => {
    const findings = Array.from({ length: 3 }, () => finding({ kind: 'ship_by', dueAt: NOON + 5 * HOUR, openedAt: NOON - HOUR }));
    const state = world({ findings, lastRunAt: NOON - 4 * HOUR });
    expect(run(state, NOON + HOUR).show[0]?.kind).toBe('digest');
  });

  test('orders first seen after their marks (a console visit) are a digest, not a catch-up', () => {
    const findings = Array.from({ length: 3 }, () => finding({ kind: 'ship_by', dueAt: NOON + 2 * HOUR, openedAt: NOON }));
    const state = world({ findings, lastRunAt: NOON - 3 * HOUR });
    expect(run(state, NOON).show[0]?.kind).toBe('digest');
  });
});

describe('several shops', () => {
  test('each shop its own notifications, each title naming its shop', () => {
    const a = finding({ kind: 'ship_by', shopId: 'shop-a', dueAt: NOON + HOUR });
    const b = finding({ kind: 'rejected', shopId: 'shop-b', severity: 'critical', openedAt: NOON });
    const state = world({ findings: [a, b], shopNames: { 'shop-a': '甲店', 'shop-b': '乙店' } });
    const plan = run(state, NOON);
    expect(plan.show.map((shown) => [shown.shopId, shown.title.slice(0, 4)])).toEqual([
      ['shop-b', '【乙店】'],
      ['shop-a', '【甲店】'],
    ]);
  });

  test('one shop: no shop name; English titles in English', () => {
    const state = world({ findings: [finding({ kind: 'ship_by', dueAt: NOON + HOUR, orderSn: '261120-1' })], lang: 'en' });
    expect(run(state, NOON).show[0]?.title).toBe('Order 261120-1: ship within 1 h');
  });

  test('captures that named no shop (the "unknown" placeholder) do not make one shop several', () => {
    const own = finding({ kind: 'ship_by', shopId: 'shop-a', dueAt: NOON + HOUR, orderSn: '261120-1' });
    const unnamed = finding({ kind: 'ship_by', shopId: UNKNOWN_SHOP, dueAt: NOON + HOUR, orderSn: '261120-2' });
    const state = world({ findings: [own, unnamed], shopNames: { 'shop-a': '甲店', [UNKNOWN_SHOP]: UNKNOWN_SHOP } });
    expect(run(state, NOON).show.map((shown) => shown.title)).toEqual(['订单 261120-1 1 小时内需发货', '订单 261120-2 1 小时内需发货']);
  });

  test("the log is per shop: one shop's entry does not silence the other's same order number", () => {
    const a = finding({ kind: 'ship_by', shopId: 'shop-a', dueAt: NOON + HOUR, orderSn: 'same' });
    const b = { ...a, shopId: 'shop-b' };
    const state = world({ findings: [a, b], shopNames: { 'shop-a': '甲店', 'shop-b': '乙店' } });
    state.sent.push({ shopId: 'shop-a', key: 'lead:ship_by:1:same', sentAt: 0 }, { shopId: 'shop-a', key: 'lead:ship_by:4:same', sentAt: 0 });
    expect(run(state, NOON).show.map((shown) => shown.shopId)).toEqual(['shop-b']);
  });
});

describe('unverified pickups', () => {
  const unverified = (dueAt: number) => finding({ kind: 'pickup_by', dueAt, verified: false, severity: 'info' });

  test('summed once a day (the merchant\'s date), never one by one; a verified one is told on its own', () => {
    const state = world({ findings: [unverified(NOON + HOUR), unverified(NOON + 3 * HOUR), unverified(NOON - HOUR)] });
    const first = run(state, NOON);
    expect(first.show.map((shown) => [shown.key, shown.title])).toEqual([['unverified:2026-11-20', '3 个包裹揽收未核实']]);
    expect(first.nextDueAt).toBe(Date.parse('2026-11-21T00:00:00+08:00'));
    expect(run(state, NOON + 2 * HOUR).show).toEqual([]);
    expect(run(state, Date.parse('2026-11-21T00:00:00+08:00')).show.map((shown) => shown.key)).toEqual(['unverified:2026-11-21']);
    const midnight = Date.parse('2026-11-21T00:01:00+08:00');
    const read = finding({ kind: 'pickup_by', dueAt: midnight + HOUR, verified: true, severity: 'critical' });
    state.findings.push(read);
    expect(run(state, midnight).show.map((shown) => shown.key)).toEqual([`lead:pickup_by:2:${read.orderSn}`]);
    expect(state.sent.some((entry) => entry.key.startsWith('lead:') && !entry.key.endsWith(read.orderSn))).toBe(false);
  });

  test('before its first mark an unverified pickup waits for it; snoozing the kind mutes the summary', () => {
    const state = world({ findings: [unverified(NOON + 10 * HOUR)] });
    expect(run(state, NOON)).toEqual({ show: [], nextDueAt: NOON + 2 * HOUR });
    state.mutes.kinds.pickup_by = NOON + 3 * HOUR;
    expect(run(state, NOON + 2 * HOUR)).toEqual({ show: [], nextDueAt: NOON + 3 * HOUR });
    expect(run(state, NOON + 3 * HOUR).show).toHaveLength(1);
  });
});

describe('nextDueAt', () => {
  test('the earliest of: the next lead mark, a snooze end, quiet hours end; null with nothing ahead', () => {
    const order = finding({ kind: 'ship_by', dueAt: NOON + 10 * HOUR });
    const snoozed = finding({ kind: 'rejected', severity: 'critical', openedAt: NOON });
    const state = world({ findings: [order, snoozed] });
    expect(run(state, NOON).show.map((shown) => shown.kind)).toEqual(['rejected']);
    expect(run(state, NOON + MINUTE).nextDueAt).toBe(NOON + 6 * HOUR);
    state.findings.push({ ...snoozed, openedAt: NOON + 2 * MINUTE });
    state.mutes.orders[`shop-a|${snoozed.orderSn}`] = NOON + 2 * HOUR;
    expect(run(state, NOON + 2 * MINUTE).nextDueAt).toBe(NOON + 2 * HOUR);
    expect(run(world(), NOON).nextDueAt).toBeNull();
  });
});
