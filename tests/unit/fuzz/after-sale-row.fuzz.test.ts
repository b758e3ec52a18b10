// Fuzz: after-sales rows (`afterSales/queryList`) through normalizeAfterSaleRow.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { AfterSaleFacts, AfterSaleKind } from '../../../lib/facts/facts';
import { normalizeAfterSaleRow, type AfterSaleRowResult } from '../../../lib/pdd/after-sale-row';
import { fuzz } from './fuzz';
import { BAD, badKeys, centsField, codeField, epochField, extraFields, idField, NOW, rowOf, textField, waybillField, type Sample } from './values';

/** `expireRemainTime`: seconds (±10 days), milliseconds above 60 days of seconds, and values longer than a year. */
const expireRemain: fc.Arbitrary<Sample<number>> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -86_400, max: 10 * 86_400 }).map((s) => ({ raw: s, expected: s * 1000 })) },
  { weight: 2, arbitrary: fc.integer({ min: 5_184_001, max: 300 * 86_400_000 }).map((ms) => ({ raw: ms, expected: ms })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 86_400 }).map((s) => ({ raw: ` ${s}`, expected: s * 1000 })) },
  { weight: 1, arbitrary: fc.constantFrom({ raw: null, expected: null }, { raw: undefined, expected: null }) },
  { weight: 1, arbitrary: fc.constantFrom(1e15, -1e15, 367 * 86_400_000, '9'.repeat(400), 'soon', true).map((raw): Sample<number> => ({ raw, expected: BAD })) },
);

const TYPE_NAMES = ['仅退款', '退货退款', '换货', '补寄', '维修', '其他'];
const typeName: fc.Arbitrary<Sample<string>> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TYPE_NAMES).map((name) => ({ raw: name, expected: name })) },
  { weight: 1, arbitrary: textField },
);

/** `actions` codes as numbers or digits, mixed with items that name no action (code null: the row is refused, naming them). */
const actionItems = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(1000, 1028).map((code) => ({ raw: code, code })) },
    { weight: 3, arbitrary: fc.constantFrom('1000', ' 1028').map((raw) => ({ raw, code: Number(raw) })) },
    { weight: 1, arbitrary: fc.constantFrom('x', null, 2.5, 1e300, '9'.repeat(30), {}, { code: 1028 }).map((raw) => ({ raw, code: null as number | null })) },
  ),
  { maxLength: 4 },
);

/** The list, or something in its place that is no list ("1028", an object): refused, naming `actions`. */
const actions = fc.oneof(
  { weight: 6, arbitrary: actionItems.map((items) => ({ raw: items.map((item) => item.raw), items, list: true })) },
  { weight: 1, arbitrary: fc.constantFrom('1028', 1028, { code: 1028 }, true).map((raw) => ({ raw, items: [] as Array<{ code: number | null }>, list: false })) },
);

const shape = {
  id: idField(true),
  orderSn: idField(true),
  afterSalesType: codeField([1, 2, 3, 4, 5, 9]),
  afterSalesTypeName: typeName,
  afterSalesStatus: codeField([5, 6, 10, 11, 12]),
  afterSalesTitle: textField,
  createdAt: epochField,
  closeTime: epochField,
  expireRemainTime: expireRemain,
  expireActionDesc: textField,
  afterSalesReasonDesc: textField,
  refundAmount: centsField,
  reverseTrackingNumber: waybillField,
};

const input = fc.record({ fields: fc.record(shape), actions: fc.option(actions, { nil: undefined }), extra: extraFields }).map(({ fields, actions: items, extra }) => ({
  fields,
  actions: items,
  row: rowOf(fields, items === undefined ? extra : { ...extra, actions: items.raw }),
}));
type Input = typeof input extends fc.Arbitrary<infer I> ? I : never;

function kindOf(name: string | null, code: number | null): AfterSaleKind {
  const byName: Array<[string, AfterSaleKind]> = [['仅退款', 'refund_only'], ['退货退款', 'return_refund'], ['换货', 'exchange'], ['补寄', 'resend'], ['维修', 'repair']];
  const named = name === null ? undefined : byName.find(([word]) => name.includes(word));
  if (named !== undefined) return named[1];
  const byCode: Record<number, AfterSaleKind> = { 1: 'refund_only', 2: 'return_refund', 3: 'exchange', 4: 'resend', 5: 'repair' };
  return (code === null ? undefined : byCode[code]) ?? 'unknown';
}

const value = <T,>(sample: Sample<unknown>) => sample.expected as T | null;

function misread({ fields, actions: items, row }: Input, result: AfterSaleRowResult): string | null {
  const bad = badKeys(fields);
  const missing = (['id', 'orderSn'] as const).filter((key) => fields[key].expected === null);
  if (items !== undefined && (!items.list || items.items.some((item) => item.code === null))) bad.push('actions');
  if (JSON.stringify(result).length > 4 * JSON.stringify(row).length + 1000) return 'output out of proportion to the row';
  if (bad.length > 0 || missing.length > 0) {
    if (result.ok) return `accepted a row with ${[...bad, ...missing].join(', ')}`;
    if (/[\n\r\u2028\u2029]/.test(result.error)) return `error spans lines: ${JSON.stringify(result.error)}`;
    for (const key of bad) if (!result.error.includes(`${key}:`) && !result.error.includes(`${key}[`)) return `error does not name ${key}: ${result.error}`;
    for (const key of missing) if (!result.error.includes(`${key} missing`)) return `error does not say ${key} is missing: ${result.error}`;
    return null;
  }
  if (!result.ok) return `refused a good row: ${result.error}`;
  const expected: Partial<AfterSaleFacts> = {
    id: value<string>(fields.id) ?? '',
    orderSn: value<string>(fields.orderSn) ?? '',
    kind: kindOf(value<string>(fields.afterSalesTypeName), value<number>(fields.afterSalesType)),
    statusCode: value<number>(fields.afterSalesStatus),
    statusText: value<string>(fields.afterSalesTitle),
    createdAt: value<number>(fields.createdAt),
    closedAt: value<number>(fields.closeTime),
    capturedAt: NOW,
    expireRemainMs: value<number>(fields.expireRemainTime),
    expireActionDesc: value<string>(fields.expireActionDesc),
    reasonText: value<string>(fields.afterSalesReasonDesc),
    refundAmountCents: value<number>(fields.refundAmount),
    reverseTrackingNumber: value<string>(fields.reverseTrackingNumber),
  };
  for (const [key, wanted] of Object.entries(expected)) {
    const got = result.facts[key as keyof AfterSaleFacts];
    if (!Object.is(got, wanted)) return `${key}: read ${JSON.stringify(got)}, the row says ${JSON.stringify(wanted)}`;
  }
  const codes = (items?.items ?? []).flatMap((item) => (item.code === null ? [] : [item.code]));
  if (JSON.stringify(result.facts.actions) !== JSON.stringify(codes)) return `actions: read ${JSON.stringify(result.facts.actions)}, the row says ${JSON.stringify(codes)}`;
  return null;
}

describe('fuzz: after-sales rows', () => {
  it('every row is read as it says, or refused naming each bad field', () => {
    fuzz({ entry: 'after-sales row', property: 'facts match the row, or an error names each bad field', input, run: ({ row }) => normalizeAfterSaleRow(row, NOW), oracle: misread, runs: 400 });
  });

  it('never throws on any JSON value', () => {
    fuzz({
      entry: 'after-sales row',
      property: 'no throw on any JSON value; the error is one line',
      input: fc.jsonValue({ maxDepth: 3 }),
      run: (row) => normalizeAfterSaleRow(row, NOW),
      oracle: (_row, result) => (!result.ok && /[\n\r\u2028\u2029]/.test(result.error) ? `error spans lines: ${JSON.stringify(result.error)}` : null),
      runs: 200,
    });
  });
});
