import { expect, test } from 'vitest';
import { instantFormatter } from '../../../lib/explain/format-instant';
import { explainTrace } from '../../../lib/explain/explain-trace';
import type { OrderTrace } from '../../../lib/messages/protocol';

const trace = (provider: OrderTrace['provider']): OrderTrace => ({
  provider,
  checkedAt: Date.parse('2026-11-20T02:30:00.000Z'),
  status: 'in_transit',
  events: [
    { at: Date.parse('2026-11-20T01:00:00.000Z'), text: '快件已到达【无锡转运中心】', area: '江苏,无锡市' },
    { at: Date.parse('2026-11-19T07:00:00.000Z'), text: '【苏州市】中通快递 苏州吴中 的业务员已揽收', area: null },
  ],
});

test('names where the trace came from, when it was read, its status and its newest events first', () => {
  const explanation = explainTrace(trace('kuaidi100'), 'zh', instantFormatter('zh', 'Asia/Shanghai'));
  expect(explanation.title).toBe('物流轨迹 · 快递100');
  expect(explanation.lines).toEqual([
    { key: 'checkedAt', label: '物流查询时间', value: '11/20 10:30' },
    { key: 'status', label: '物流状态', value: '运输中' },
    { key: 'event0', label: '11/20 09:00', value: '快件已到达【无锡转运中心】' },
    { key: 'event1', label: '11/19 15:00', value: '【苏州市】中通快递 苏州吴中 的业务员已揽收' },
  ]);
});

test.each([
  ['kuaidi100', '快递100', 'Kuaidi100'],
  ['kdniao', '快递鸟', 'Kdniao'],
  ['console', '后台物流', 'Console logistics'],
  ['demo', '演示模式', 'Demo mode'],
] as const)('source %s reads %s / %s', (provider, zh, en) => {
  expect(explainTrace(trace(provider), 'zh', instantFormatter('zh', 'Asia/Shanghai')).title).toBe(`物流轨迹 · ${zh}`);
  expect(explainTrace(trace(provider), 'en', instantFormatter('en', 'UTC')).title).toBe(`Trace · ${en}`);
});
