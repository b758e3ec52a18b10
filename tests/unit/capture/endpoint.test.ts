import { expect, test } from 'vitest';
import { endpointOf } from '../../../lib/capture/endpoint';

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
