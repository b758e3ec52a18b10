import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { REASSESS_ALARM } from '../../../entrypoints/background/reassess-alarm';
import { RETENTION_ALARM } from '../../../entrypoints/background/retention-alarm';
import type { Capture } from '../../../lib/capture/capture';
import type { CaptureReply } from '../../../lib/messages/protocol';

const HOUR = 3_600_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function send(message: unknown, senderId = fakeBrowser.runtime.id): Promise<unknown> {
  return new Promise((resolve) => {
    const answered: unknown = fakeBrowser.runtime.onMessage.trigger(message, { id: senderId, tab: { id: 7 } } as never, resolve);
    // A listener that declines (returns false) never answers.
    void Promise.resolve(answered).then((results) => {
      if (Array.isArray(results) && results.every((result: unknown) => result === false || result === undefined)) resolve('no answer');
    });
  });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('background worker', () => {
  test('arms the retention and re-evaluation alarms on every start, without duplicating them', async () => {
    background.main();
    await settle();
    background.main();
    await settle();
    const names = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort();
    expect(names).toEqual([REASSESS_ALARM, RETENTION_ALARM].sort());
  });

  test('stores a capture and answers with the views the badges need', async () => {
    background.main();
    const promise = Math.floor((Date.now() + 5 * HOUR) / 1000);
    const capture: Capture = {
      endpoint: 'recentOrderList',
      shopId: '445566',
      capturedAt: Date.now(),
      request: { pageNumber: 1 },
      response: {
        success: true,
        errorCode: 1000000,
        result: {
          totalItemNum: 1,
          pageItems: [
            {
              order_sn: '261120-000000000000011',
              order_status: 1,
              order_status_str: '待发货',
              order_time: promise - 43 * 3600,
              confirm_time: promise - 43 * 3600,
              promise_shipping_time: promise,
              shipping_time: 0,
              tracking_number: '',
              goods_id: 1001,
              goods_name: '测试商品',
              order_amount: 2990,
            },
          ],
        },
      },
    };
    const reply = (await send({ type: 'capture', capture })) as CaptureReply;
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.shopId).toBe('445566');
    expect(reply.orders).toHaveLength(1);
    expect(reply.orders[0]).toMatchObject({ orderSn: '261120-000000000000011', promiseShipAt: promise * 1000, state: 'unshipped' });
    expect(reply.orders[0]!.findings.map((finding) => finding.kind)).toContain('ship_by');
    // The toolbar count follows right after the answer.
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  test('ignores messages from other extensions and messages that are not ours', async () => {
    background.main();
    expect(await send({ type: 'capture', capture: {} }, 'another-extension')).toBe('no answer');
    expect(await send({ type: 'delete-everything' })).toBe('no answer');
  });
});
