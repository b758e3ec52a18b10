import { expect, test } from 'vitest';
import { findOrders } from '../../../lib/dashboard/find-orders';
import { freshDb, NOW, HOUR, storedOrder } from '../db/helpers';

test("the timeline's search finds an order by its number or its tracking number (typed any way), in every shop", async () => {
  const db = await freshDb();
  await db.orders.bulkPut([
    storedOrder('s1', '261120-000000000000101', [], { tracking: 'YT7001' }),
    storedOrder('s2', '261120-000000000000102', [], { tracking: 'YT7001' }),
    storedOrder('s2', '261121-000000000000103', [], { tracking: 'ZT7002' }),
  ]);
  await db.shops.bulkPut(['s1', 's2'].map((shopId) => ({ shopId, firstSeenAt: NOW - HOUR, lastCaptureAt: NOW })));
  const found = async (text: string) => (await findOrders(db, text)).map((order) => order.orderSn).sort();
  expect(await found('261121-000000000000103')).toEqual(['261121-000000000000103']);
  expect(await found('yt 7001')).toEqual(['261120-000000000000101', '261120-000000000000102']);
  expect(await found(' ZT7002 ')).toEqual(['261121-000000000000103']);
  expect(await found('YT700')).toEqual([]);
  expect(await found('  ')).toEqual([]);
  db.close();
});
