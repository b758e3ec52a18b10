// `/mercury/mms/afterSales/queryList` rows (lib/pdd/README.md § After-sales list) → AfterSaleFacts.
import type { AfterSaleFacts, AfterSaleKind } from '../facts/facts';
import { SECOND_MS } from '../time/shanghai';
import { isAbsent, isRecord, readCents, readCode, readEpoch, readNumber, readText } from './fields';
import { describeValue } from '../text/quote';
import { normalizeTrackingNumber } from './order-row';

export type AfterSaleRowResult = { ok: true; facts: AfterSaleFacts } | { ok: false; error: string };

/**
 * `expireRemainTime` is seconds in this endpoint, but the same field name is milliseconds in the appeal
 * endpoint; a value above 60 days of seconds can only be milliseconds (lib/pdd/README.md § expireRemainTime).
 */
const EXPIRE_REMAIN_SECONDS_MAX = 5_184_000;
/** No after-sales window lasts a year; a larger remaining time is a corrupt value. */
const EXPIRE_REMAIN_MS_MAX = 366 * 24 * 3600 * SECOND_MS;

/** Type names first: the mms type codes are confirmed only for 2 (退货退款). */
const KIND_BY_NAME: ReadonlyArray<readonly [string, AfterSaleKind]> = [
  ['仅退款', 'refund_only'],
  ['退货退款', 'return_refund'],
  ['换货', 'exchange'],
  ['补寄', 'resend'],
  ['维修', 'repair'],
];

/** Fallback on the type code, numbered as the open-API detail (1 仅退款 … 5 维修), which agrees on 2. */
const KIND_BY_CODE: Readonly<Record<number, AfterSaleKind>> = {
  1: 'refund_only',
  2: 'return_refund',
  3: 'exchange',
  4: 'resend',
  5: 'repair',
};

// Hand-written field by field, without a schema library: a shop's capture normalizes thousands of rows.
export function normalizeAfterSaleRow(row: unknown, capturedAt: number): AfterSaleRowResult {
  if (!isRecord(row)) return { ok: false, error: `expected an object, got ${describeValue(row)}` };
  const problems: string[] = [];
  const id = readText(row.id, 'id', problems);
  const orderSn = readText(row.orderSn, 'orderSn', problems);
  const expireRemain = readNumber(row.expireRemainTime, 'expireRemainTime', problems);
  const expireRemainMs =
    expireRemain === null ? null : Math.abs(expireRemain) > EXPIRE_REMAIN_SECONDS_MAX ? expireRemain : expireRemain * SECOND_MS;
  if (expireRemainMs !== null && Math.abs(expireRemainMs) > EXPIRE_REMAIN_MS_MAX) {
    problems.push(`expireRemainTime: ${expireRemain} is longer than a year`);
  }
  const facts: AfterSaleFacts = {
    id: id ?? '',
    orderSn: orderSn ?? '',
    kind: kindOf(readText(row.afterSalesTypeName, 'afterSalesTypeName', problems), readCode(row.afterSalesType, 'afterSalesType', problems)),
    statusCode: readCode(row.afterSalesStatus, 'afterSalesStatus', problems),
    statusText: readText(row.afterSalesTitle, 'afterSalesTitle', problems),
    createdAt: readEpoch(row.createdAt, 'createdAt', problems),
    closedAt: readEpoch(row.closeTime, 'closeTime', problems),
    capturedAt,
    expireRemainMs,
    expireActionDesc: readText(row.expireActionDesc, 'expireActionDesc', problems),
    reasonText: readText(row.afterSalesReasonDesc, 'afterSalesReasonDesc', problems),
    actions: actionsOf(row.actions, problems),
    refundAmountCents: readCents(row.refundAmount, 'refundAmount', problems),
    reverseTrackingNumber: normalizeTrackingNumber(readText(row.reverseTrackingNumber, 'reverseTrackingNumber', problems)),
  };
  // A value that is there but unreadable is named by its reader, not called missing.
  if (orderSn === null && isAbsent(row.orderSn)) problems.unshift('orderSn missing');
  if (id === null && isAbsent(row.id)) problems.unshift('id missing');
  if (problems.length > 0) return { ok: false, error: problems.join('; ') };
  return { ok: true, facts };
}

function kindOf(typeName: string | null, typeCode: number | null): AfterSaleKind {
  if (typeName !== null) {
    for (const [name, kind] of KIND_BY_NAME) if (typeName.includes(name)) return kind;
  }
  return (typeCode !== null ? KIND_BY_CODE[typeCode] : undefined) ?? 'unknown';
}

/**
 * `actions` carries codes such as 1000 (极速退款) and 1028 (超时自动退), as whole numbers or digits. Anything
 * else in it, or in its place, is named: a 1028 in a form not read would silently hide a timeout refund.
 */
function actionsOf(value: unknown, problems: string[]): number[] {
  if (isAbsent(value)) return [];
  if (!Array.isArray(value)) {
    problems.push(`actions: expected a list of action codes, got ${describeValue(value)}`);
    return [];
  }
  const codes: number[] = [];
  (value as unknown[]).forEach((item, index) => {
    const code = typeof item === 'string' && /^\d{1,15}$/.test(item.trim()) ? Number(item) : item;
    if (typeof code === 'number' && Number.isSafeInteger(code)) codes.push(code);
    else problems.push(`actions[${index}]: expected an action code (a whole number), got ${describeValue(item)}`);
  });
  return codes;
}
