import { describe, expect, it } from 'vitest';
import { receiverKeyOf } from '../../../lib/pdd/receiver-key';

const receiver = { receive_name: '测试买家', mobile: '138****0000', shipping_address: '测试路 1 号', province_name: '江苏省', city_name: '苏州市', district_name: '吴中区' };

describe('receiverKeyOf', () => {
  it('is a stable 14-digit hex hash that contains none of the input', () => {
    const key = receiverKeyOf(receiver);
    expect(key).toMatch(/^[0-9a-f]{14}$/);
    expect(receiverKeyOf({ ...receiver })).toBe(key);
    expect(key).not.toContain('0000');
  });

  it('ignores whitespace and letter case, but not a different receiver', () => {
    const key = receiverKeyOf(receiver);
    expect(receiverKeyOf({ ...receiver, shipping_address: ' 测试路1号\u3000', mobile: '138 **** 0000', receive_name: '测试买家\t' })).toBe(key);
    expect(receiverKeyOf({ ...receiver, shipping_address: 'TEST Road 1' })).toBe(receiverKeyOf({ ...receiver, shipping_address: 'test road 1' }));
    expect(receiverKeyOf({ ...receiver, receive_name: '测试买家二' })).not.toBe(key);
    expect(receiverKeyOf({ ...receiver, district_name: '姑苏区' })).not.toBe(key);
    // Text moved from one field to the next is another receiver.
    expect(receiverKeyOf({ receive_name: 'ab', mobile: 'c' })).not.toBe(receiverKeyOf({ receive_name: 'a', mobile: 'bc' }));
  });

  it('skips exactly the characters of \\s, whichever code unit is inserted', () => {
    const key = receiverKeyOf(receiver);
    for (let code = 0; code <= 0xffff; code += 1) {
      const char = String.fromCharCode(code);
      const changed = receiverKeyOf({ ...receiver, receive_name: `测试${char}买家` }) !== key;
      if (changed === /\s/.test(char)) throw new Error(`U+${code.toString(16)}: whitespace ${/\s/.test(char)}, key changed ${changed}`);
    }
  });

  it('keeps the keys it always gave (stored orders and page-hook keys are compared with new ones)', () => {
    expect(receiverKeyOf(receiver)).toBe('1e349a658428a6');
    expect(receiverKeyOf({ receive_name: 'ab', mobile: 'c' })).toBe('14c81d5f1d61c7');
    // Leading zeros are kept: always 14 digits.
    expect(receiverKeyOf({ mobile: 13800000000 })).toBe('0e605203da13de');
    expect(receiverKeyOf({ shipping_address: 'TEST Road 1' })).toBe('08bc18a5258bba');
  });

  it('prefers the receiver_key left by the page hook', () => {
    expect(receiverKeyOf({ ...receiver, receiver_key: 'from-hook' })).toBe('from-hook');
  });

  it('is null without any receiver field (area alone is not a receiver)', () => {
    expect(receiverKeyOf({ province_name: '江苏省', city_name: '苏州市' })).toBeNull();
    expect(receiverKeyOf({ receive_name: '', mobile: null, shipping_address: ' \u3000 ' })).toBeNull();
  });
});
