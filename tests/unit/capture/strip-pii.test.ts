import { expect, test } from 'vitest';
import { stripBuyerPii } from '../../../lib/capture/strip-pii';

const row = {
  order_sn: '261120-123456789012345',
  receive_name: '测试买家0001',
  mobile: '138****0001',
  shipping_address: '测试省测试市测试路1号',
  province_name: '浙江省',
  city_name: '杭州市',
  district_name: '西湖区',
  nickname: '测试昵称0001',
  buyer_memo: '请放门口',
  goods_name: '测试商品',
};

test('removes names, phones, addresses and memos, keeps province, city and the order', () => {
  const stripped = stripBuyerPii({ success: true, result: { pageItems: [row] } }) as {
    result: { pageItems: Array<Record<string, unknown>> };
  };
  const clean = stripped.result.pageItems[0]!;
  for (const key of ['receive_name', 'mobile', 'shipping_address', 'district_name', 'nickname', 'buyer_memo']) {
    expect(clean).not.toHaveProperty(key);
  }
  expect(clean).toMatchObject({ order_sn: row.order_sn, province_name: '浙江省', city_name: '杭州市', goods_name: '测试商品' });
  const text = JSON.stringify(stripped);
  for (const secret of ['测试买家0001', '138****0001', '测试路1号', '测试昵称0001']) expect(text).not.toContain(secret);
});

test('replaces the receiver with a hash that tells receivers apart but not the same receiver', () => {
  const key = (r: Record<string, unknown>) => (stripBuyerPii(r) as Record<string, unknown>).receiver_key;
  const same = key({ ...row, order_sn: '261120-000000000000002' });
  expect(typeof key(row)).toBe('string');
  expect(key(row)).toBe(same);
  expect(key({ ...row, receive_name: '测试买家0002' })).not.toBe(key(row));
  expect(key({ order_sn: 'x', goods_name: 'no receiver' })).toBeUndefined();
});

test('leaves the input untouched (the page keeps its own object)', () => {
  const input = { result: { pageItems: [{ ...row }] } };
  stripBuyerPii(input);
  expect(input.result.pageItems[0]).toHaveProperty('receive_name', '测试买家0001');
});

test('passes scalars and odd shapes through without throwing', () => {
  expect(stripBuyerPii(null)).toBeNull();
  expect(stripBuyerPii(42)).toBe(42);
  expect(stripBuyerPii(['a', { mobile: '1' }])).toEqual(['a', { receiver_key: expect.any(String) as string }]);
});

test.each([
  ['18400001234-5678', '5678'],
  ['184****1234-5678', '5678'],
  [' 184****1234 - 0042 ', '0042'],
])('keeps the extension of the privacy number %s as mobile_extension, and drops the number', (mobile, extension) => {
  const clean = stripBuyerPii({ ...row, mobile }) as Record<string, unknown>;
  expect(clean.mobile_extension).toBe(extension);
  expect(clean).not.toHaveProperty('mobile');
  expect(JSON.stringify(clean)).not.toContain(mobile.trim().slice(0, 11));
});

test.each(['138****1234', '13800001234', '138****1234-56', '5678', '400-800-1234'])('a number that is no privacy number (%s) gives no extension', (mobile) => {
  expect(stripBuyerPii({ ...row, mobile })).not.toHaveProperty('mobile_extension');
});
