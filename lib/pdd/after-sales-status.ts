// The console's (mms) after-sales status codes in words, as lib/pdd/README.md § After-sales status codes lists
// them; the open platform numbers them differently and is never read with this table.
import type { Words } from '../findings/words';

export const MMS_AFTER_SALES_STATUS: ReadonlyMap<number, Words> = new Map([
  [5, { zh: '退款成功', en: 'refunded' }],
  [6, { zh: '仅退款，退款关闭', en: 'refund only, closed' }],
  [10, { zh: '待消费者寄货', en: 'waiting for the buyer to send the goods back' }],
  [11, { zh: '待商家确认收货', en: 'waiting for the merchant to confirm the return' }],
  [12, { zh: '退货退款，退款关闭', en: 'return and refund, closed' }],
  [16, { zh: '换货完成', en: 'exchange done' }],
  [17, { zh: '换货关闭', en: 'exchange closed' }],
  [18, { zh: '换货，待消费者收货', en: 'exchange, waiting for the buyer to receive it' }],
]);
