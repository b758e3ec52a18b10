import { describe, expect, it } from 'vitest';
import { normalizeAfterSaleRow } from '../../../lib/pdd/after-sale-row';
import { afterSaleRow } from './fixtures';

const CAPTURED = Date.UTC(2026, 10, 20, 2, 0, 0);

function facts(row: unknown) {
  const result = normalizeAfterSaleRow(row, CAPTURED);
  if (!result.ok) throw new Error(result.error);
  return result.facts;
}

describe('normalizeAfterSaleRow', () => {
  it('reads createdAt in seconds, closeTime in milliseconds, expireRemainTime in seconds', () => {
    expect(facts(afterSaleRow({ closeTime: 1795510000123 }))).toEqual({
      id: '6120034455',
      orderSn: '261118-582910374650211',
      kind: 'refund_only',
      statusCode: 0,
      statusText: '待商家处理',
      createdAt: 1795500000_000,
      closedAt: 1795510000123,
      capturedAt: CAPTURED,
      expireRemainMs: 86000_000,
      expireActionDesc: '逾期未处理，系统将自动退款',
      reasonText: '快递一直未送到',
      actions: [],
      refundAmountCents: 2590,
      reverseTrackingNumber: null,
    });
  });

  it.each([
    ['seconds up to 60 days', 5_184_000, 5_184_000_000],
    ['a larger value as milliseconds', 221_113_549, 221_113_549],
    ['null stays null', null, null],
    ['negative seconds (overdue)', -600, -600_000],
  ])('expireRemainTime: %s', (_label, value, ms) => {
    expect(facts(afterSaleRow({ expireRemainTime: value })).expireRemainMs).toBe(ms);
  });

  it.each([
    [{ afterSalesTypeName: '退货退款', afterSalesType: 2 }, 'return_refund'],
    [{ afterSalesTypeName: '仅退款' }, 'refund_only'],
    [{ afterSalesTypeName: '换货', afterSalesType: 3 }, 'exchange'],
    [{ afterSalesTypeName: '补寄' }, 'resend'],
    [{ afterSalesTypeName: null, afterSalesType: 2 }, 'return_refund'],
    [{ afterSalesTypeName: null, afterSalesType: 99 }, 'unknown'],
  ])('kind from %j is %s', (fields, kind) => {
    expect(facts(afterSaleRow(fields)).kind).toBe(kind);
  });

  it('reads action codes as whole numbers or digits (1000 极速退款, 1028 超时自动退); none listed is none', () => {
    expect(facts(afterSaleRow({ actions: [1000, ' 1028'] })).actions).toEqual([1000, 1028]);
    expect(facts(afterSaleRow({ actions: null })).actions).toEqual([]);
    expect(facts(afterSaleRow({ actions: [] })).actions).toEqual([]);
  });

  it.each([
    [{ actions: '1028' }, 'actions: expected a list of action codes, got "1028"'],
    [{ actions: { code: 1028 } }, 'actions: expected a list of action codes, got an object'],
    [{ actions: [{ code: 1028 }] }, 'actions[0]: expected an action code (a whole number), got an object'],
    [
      { actions: [1000, 'x', null, 2.5] },
      'actions[1]: expected an action code (a whole number), got "x"; actions[2]: expected an action code (a whole number), got null; actions[3]: expected an action code (a whole number), got 2.5',
    ],
  ])('names actions it cannot read instead of dropping them, and skips the row: %j', (fields, error) => {
    expect(normalizeAfterSaleRow(afterSaleRow(fields), CAPTURED)).toEqual({ ok: false, error });
  });

  it('normalizes the return waybill', () => {
    expect(facts(afterSaleRow({ reverseTrackingNumber: ' yt 0000 1111 ' })).reverseTrackingNumber).toBe('YT00001111');
  });

  it.each([
    [afterSaleRow({ id: null }), 'id missing'],
    [afterSaleRow({ orderSn: '' }), 'orderSn missing'],
    [afterSaleRow({ createdAt: 'today' }), 'createdAt: expected a number, got "today"'],
    [afterSaleRow({ expireRemainTime: 1e15 }), 'expireRemainTime: 1000000000000000 is longer than a year'],
    [7, 'expected an object, got 7'],
  ])('rejects a bad row: %j', (row, error) => {
    expect(normalizeAfterSaleRow(row, CAPTURED)).toEqual({ ok: false, error });
  });
});

describe('normalizeAfterSaleRow on values it cannot take as they are', () => {
  it.each([
    ['an id JSON has rounded', { id: JSON.parse('9007199254740993') as number }, 'id: 9007199254740992 is above 2^53, where JSON numbers lose digits; send it as text'],
    ['a refund of 400 nines', { refundAmount: '9'.repeat(400) }, `refundAmount: expected a number, got "${'9'.repeat(60)}"…`],
    ['a refund in yuan', { refundAmount: 25.9 }, 'refundAmount: 25.9 is not a whole number from 0 to 10000000000'],
    ['a status code that is no code', { afterSalesStatus: 1e300 }, 'afterSalesStatus: 1e+300 is not a whole number from -1 to 2147483647'],
    ['an expiry of 400 nines', { expireRemainTime: '9'.repeat(400) }, `expireRemainTime: expected a number, got "${'9'.repeat(60)}"…`],
  ])('names %s', (_label, fields, error) => {
    expect(normalizeAfterSaleRow(afterSaleRow(fields), CAPTURED)).toEqual({ ok: false, error });
  });

  it('takes only action codes that are safe integers, naming the others (their digits cut short)', () => {
    const result = normalizeAfterSaleRow(afterSaleRow({ actions: [1028, 1e300, '9'.repeat(400)] }), CAPTURED);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^actions\[1\]: expected an action code \(a whole number\), got 1e\+300; actions\[2\]: expected an action code \(a whole number\), got "9+"…$/);
    expect(result.error.length).toBeLessThan(300);
  });
});
