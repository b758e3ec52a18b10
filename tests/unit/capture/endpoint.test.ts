import { expect, test } from 'vitest';
import { endpointOf, traceRequestOf } from '../../../lib/capture/endpoint';

const base = 'https://mms.pinduoduo.com/orders/list?tab=1';

test.each([
  ['/mangkhut/mms/recentOrderList', 'recentOrderList'],
  ['https://mms.pinduoduo.com/mangkhut/mms/recentOrderList?_=1', 'recentOrderList'],
  ['/mercury/mms/afterSales/queryList', 'afterSalesList'],
  ['/mangkhut/mms/orderDetail', 'orderDetail'],
  ['/express_base/mms/track/get', 'courierTrace'],
  ['/express_base/mms/track/8812?source=MMS_TRACK_STATUS', 'courierTrace'],
  ['/mangkhut/mms/recentOrderListV2', null],
  ['/mars/app/order/statisticWithType', null],
  ['http://[bad', null],
])('%s → %s', (url, expected) => {
  expect(endpointOf(url, base)).toBe(expected);
});

test.each([
  ['/express_base/mms/track/get?orderSn=261119-100000000000001&source=MMS_TRACK_STATUS', '261119-100000000000001'],
  ['https://mms.pinduoduo.com/express_base/mms/track/261119-100000000000001?source=MMS_TRACK_STATUS', '261119-100000000000001'],
  ['/express_base/mms/track/261119%2D100000000000001', '261119-100000000000001'],
  ['/express_base/mms/track/get', null],
  ['/express_base/mms/track/', null],
  ['/express_base/mms/track/%E0%A4%A', null],
  ['http://[bad', null],
])('the trace request of %s names order %s', (url, orderSn) => {
  expect(traceRequestOf(url, base)).toEqual({ orderSn });
});
