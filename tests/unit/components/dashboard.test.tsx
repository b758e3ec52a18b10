// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { ScorecardTable } from '@/entrypoints/dashboard/ScorecardTable';
import { TimelineSearch } from '@/entrypoints/dashboard/TimelineSearch';
import { useDashboard, type AggregateRunner } from '@/entrypoints/dashboard/dashboard-store';
import type { Aggregate, AggregateReply } from '@/lib/dashboard/aggregate';
import { breachChartOption, riskChartOption } from '@/lib/dashboard/chart-options';
import { courierScorecard } from '@/lib/dashboard/courier-scorecard';
import { trendsAccumulator } from '@/lib/dashboard/trends';
import { logNotification } from '@/lib/db/notification-log';
import { DEFAULT_POLICY } from '@/lib/findings/policy';
import { ingestCapture } from '@/lib/ingest/ingest-capture';
import { ingestTrackingReply } from '@/lib/ingest/ingest-tracking';
import { normalizeKuaidi100 } from '@/lib/tracking/kuaidi100';
import { HOUR, NOW, SHOP, freshDb, listCapture, orderRow, shippedRow } from '../db/helpers';
import { event, finding, h, order, waybill } from '../dashboard/history';

afterEach(cleanup);

const CARD = courierScorecard(
  [
    { order: order({ sn: 'A' }), waybill: waybill([event(h(2), 'picked_up'), event(h(26), 'delivered')]) },
    { order: order({ sn: 'B', findings: [finding({ kind: 'rejected' })] }), waybill: waybill([event(h(4), 'picked_up')]) },
    { order: order({ sn: 'C', shippingId: 85 }), waybill: waybill([event(h(1), 'picked_up')]) },
  ],
  { from: h(-1), to: h(100) },
);

describe('ScorecardTable', () => {
  test('skeleton rows while the figures come, marked busy', () => {
    render(<ScorecardTable scorecard={null} lang="zh" />);
    const table = screen.getByRole('table', { name: '快递表现' });
    expect(table.getAttribute('aria-busy')).toBe('true');
    expect(table.querySelectorAll('tbody tr.skeleton-row')).toHaveLength(5);
  });

  test('one row per courier with units, the total last, sortable by any column from the keyboard', () => {
    render(<ScorecardTable scorecard={CARD} lang="zh" />);
    const rows = () => [...screen.getByTestId('scorecard').querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-courier'));
    expect(rows()).toEqual(['id:115', 'id:85']);
    const zto = within(screen.getByTestId('scorecard').querySelector('tr[data-courier="id:115"]') as HTMLElement);
    // 中通: latencies 2 h and 4 h → p50 2.0 小时, p90 4.0 小时; B rejected → 50.0%.
    expect(zto.getByRole('rowheader').textContent).toBe('中通');
    expect(zto.getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['2', '2.0 小时', '4.0 小时', '24.0 小时', '24.0 小时', '0.0%', '50.0%', '0.0%', '50.0%']);
    expect(screen.getByTestId('scorecard').querySelector('tfoot')?.textContent).toContain('合计');

    const byPickup = screen.getByRole('button', { name: '按揽收 p50排序' });
    // Descending first: 中通 (2 h) before 圆通 (1 h); again: ascending.
    fireEvent.click(byPickup);
    expect(rows()).toEqual(['id:115', 'id:85']);
    expect(byPickup.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(byPickup);
    expect(rows()).toEqual(['id:85', 'id:115']);
    expect(byPickup.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
  });
});

describe('chart options', () => {
  const accumulator = trendsAccumulator(h(84), 4);
  accumulator.add(order({ sn: 'X', trackingNumber: null, findings: [finding({ kind: 'stalled', openedAt: h(50) })] }), undefined, []);
  const trends = accumulator.result();

  test('the risk chart: Beijing days on the x axis, at-risk bars and the exception rate in % with Chinese names', () => {
    const option = riskChartOption(trends, 'zh', 'Asia/Shanghai');
    expect(option.aria).toEqual({ enabled: true });
    // The last day is today, counted until now (12:00): labelled 今天, its bar lighter, its tooltip says until when.
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['11-01', '11-02', '11-03', '今天'] });
    const series = option.series as Array<{ name: string; type: string; data: unknown[]; tooltip: { valueFormatter: (value: unknown, index: number) => string } }>;
    expect(series.map((item) => [item.name, item.type])).toEqual([
      ['风险订单', 'bar'],
      ['异常率', 'line'],
    ]);
    expect(series[0]!.data).toEqual([0, 0, 1, { value: 1, itemStyle: { opacity: 0.45 } }]);
    expect(series[0]!.tooltip.valueFormatter(1, 2)).toBe('1');
    expect(series[0]!.tooltip.valueFormatter(1, 3)).toBe('1（截至 11/04 12:00）');
    expect(series[1]!.tooltip.valueFormatter(2.5, 3)).toBe('2.5%（截至 11/04 12:00）');
    // No parcel in transit: gaps, not zeros.
    expect(series[1]!.data).toEqual([null, null, null, null]);
  });

  test('the breach chart: one group per deadline clock', () => {
    const option = breachChartOption(trends, 'zh');
    expect(option.xAxis).toMatchObject({ data: ['发货截止', '揽收截止', '售后处理截止'] });
    expect((option.series as Array<{ name: string }>).map((item) => item.name)).toEqual(['避免超时', '已超时']);
  });
});

describe('dashboard store', () => {
  const aggregate = { orders: 3 } as unknown as Aggregate;

  test('loading, progress, then the result; a replaced run’s late replies are dropped', () => {
    const runs: Array<(reply: AggregateReply) => void> = [];
    const stopped: number[] = [];
    const runner: AggregateRunner = (_request, onReply) => {
      const index = runs.push(onReply) - 1;
      return () => stopped.push(index);
    };
    useDashboard.getState().refresh(runner, NOW);
    expect(useDashboard.getState().aggregate).toEqual({ status: 'loading', done: 0, total: 0 });
    runs[0]!({ type: 'progress', done: 2000, total: 5000 });
    expect(useDashboard.getState().aggregate).toEqual({ status: 'loading', done: 2000, total: 5000 });
    useDashboard.getState().setShop('other');
    useDashboard.getState().refresh(runner, NOW);
    expect(stopped).toEqual([0]);
    runs[0]!({ type: 'result', aggregate, ms: 1 });
    expect(useDashboard.getState().aggregate.status).toBe('loading');
    runs[1]!({ type: 'result', aggregate, ms: 5 });
    expect(useDashboard.getState().aggregate).toEqual({ status: 'ready', aggregate, ms: 5 });
    useDashboard.getState().refresh(runner, NOW);
    runs[2]!({ type: 'error', message: 'boom' });
    expect(useDashboard.getState().aggregate).toEqual({ status: 'failed', message: 'boom' });
  });
});

describe('TimelineSearch', () => {
  const SN = '261120-000000000000031';
  const seconds = (ms: number) => Math.floor(ms / 1000);

  async function seeded() {
    const db = await freshDb();
    const policy = DEFAULT_POLICY;
    const t0 = NOW - 30 * HOUR;
    await ingestCapture(db, listCapture([orderRow(SN, { promise_shipping_time: seconds(NOW - 20 * HOUR) })], t0), t0, policy);
    const t1 = NOW - 22 * HOUR;
    await ingestCapture(db, listCapture([shippedRow(SN, 'ZT123', 22, { promise_shipping_time: seconds(NOW - 20 * HOUR) })], t1), t1, policy);
    const trace = { message: 'ok', nu: 'ZT123', state: '0', status: '200', data: [{ time: '2026-11-19 14:00:00', ftime: '2026-11-19 14:00:00', context: '杭州 已揽收', statusCode: '103' }] };
    await ingestTrackingReply(db, SHOP, 'ZT123', normalizeKuaidi100(trace, 'ZT123', NOW - HOUR), NOW - HOUR, policy);
    await logNotification(db, { shopId: SHOP, orderSn: SN, key: `${SN}:pickup_by`, sentAt: NOW - 2 * HOUR, kind: 'pickup_by', severity: 'warn', title: '揽收提醒', body: '还剩 2 小时' });
    return db;
  }

  test('a tracking number typed in lower case finds its order and lists everything in time order', async () => {
    const db = await seeded();
    render(<TimelineSearch db={db} lang="zh" />);
    fireEvent.change(screen.getByLabelText('订单号或运单号'), { target: { value: ' zt123 ' } });
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    const timeline = await screen.findByRole('region', { name: `订单 ${SN} 的时间线` });
    const items = [...timeline.querySelectorAll('li')];
    const times = items.map((item) => Number(item.getAttribute('data-at')));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(items.map((item) => item.getAttribute('data-type')))).toEqual(
      new Set(['first_seen', 'change', 'tracking_event', 'finding_opened', 'finding_closed', 'notification']),
    );
    expect(timeline.textContent).toContain('杭州 已揽收');
    expect(timeline.textContent).toContain('揽收提醒');
    expect(timeline.textContent).toContain('发货截止');
    expect(timeline.textContent).toContain('运单号: — → ZT123');
    expect(timeline.textContent).toContain('订单状态: 待发货 → 已发货');
    db.close();
  });

  test('an unknown number says so in the status line', async () => {
    const db = await seeded();
    render(<TimelineSearch db={db} lang="zh" />);
    fireEvent.change(screen.getByLabelText('订单号或运单号'), { target: { value: 'NOPE' } });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('没有找到订单号或运单号为“NOPE”的订单。'));
    db.close();
  });
});
