// Faults a test injects into the courier stand-ins at runtime, answered the way each provider signals them
// (lib/tracking/README.md § Error classes), so a tracking client can be seen degrading as it should.
// The router consults the control before the courier's own handler; a fault answers instead of it.

import { JSON_TYPE, jsonResponse, textResponse, type StandInResponse } from './http';

export type CourierName = 'kuaidi100' | 'kdniao';

const COURIER_NAMES: readonly string[] = ['kuaidi100', 'kdniao'] satisfies CourierName[];

export const COURIER_FAULT_KINDS = ['http5xx', 'timeout', 'phone408', 'sign503', 'expired601', 'malformed', 'rate429'] as const;
export type CourierFaultKind = (typeof COURIER_FAULT_KINDS)[number];

export interface CourierFault {
  kind: CourierFaultKind;
  /** Answer this many matching queries with the fault, then answer normally again. Default: every one. */
  count?: number;
  /** Only queries for these tracking numbers. Default: every query. */
  numbers?: readonly string[];
  /** `timeout` only: how long the reply is held before a 504 (default TIMEOUT_HOLD_MS, beyond the poller's 15 s). */
  holdMs?: number;
}

/** Longer than the poller's 15 s request timeout, so the client gives up first. */
export const TIMEOUT_HOLD_MS = 30_000;

export interface CourierFaultControl {
  /**
   * Sets the faults of each courier named (null clears them); couriers not named keep theirs. Several faults
   * for one courier (each for its own `numbers`) answer in one cycle: the first that matches a query answers it.
   */
  set(faults: Partial<Record<CourierName, CourierFault | readonly CourierFault[] | null>>): void;
  clear(): void;
  /** The faults in force, with `count` as what is left of each. */
  current(): Partial<Record<CourierName, CourierFault[]>>;
  /** The fault that answers this query, if any, counted as used. */
  take(courier: CourierName, trackingNumber: string | null): CourierFault | null;
}

export function createCourierFaultControl(): CourierFaultControl {
  const faults = new Map<CourierName, CourierFault[]>();
  return {
    set(next) {
      for (const [courier, given] of Object.entries(next) as [CourierName, CourierFault | readonly CourierFault[] | null | undefined][]) {
        if (!COURIER_NAMES.includes(courier)) throw new TypeError(`unknown courier: ${courier}`);
        if (given === null || given === undefined) faults.delete(courier);
        else faults.set(courier, (Array.isArray(given) ? given : [given as CourierFault]).map(checkedFault));
      }
    },
    clear() {
      faults.clear();
    },
    current() {
      return Object.fromEntries([...faults].map(([courier, list]) => [courier, list.map((fault) => ({ ...fault }))]));
    },
    take(courier, trackingNumber) {
      const list = faults.get(courier) ?? [];
      const index = list.findIndex((fault) => fault.numbers === undefined || (trackingNumber !== null && fault.numbers.includes(trackingNumber)));
      const fault = list[index];
      if (fault === undefined) return null;
      if (fault.count !== undefined) {
        const rest = fault.count <= 1 ? list.filter((_, at) => at !== index) : list.map((other, at) => (at === index ? { ...fault, count: fault.count! - 1 } : other));
        if (rest.length === 0) faults.delete(courier);
        else faults.set(courier, rest);
      }
      return fault;
    },
  };
}

/** A mistyped fault would silently answer normally and let a test pass for the wrong reason: refuse it. */
function checkedFault(fault: CourierFault): CourierFault {
  if (!(COURIER_FAULT_KINDS as readonly string[]).includes(fault.kind)) throw new TypeError(`unknown courier fault kind: ${String(fault.kind)}`);
  if (fault.count !== undefined && (!Number.isInteger(fault.count) || fault.count < 1)) throw new RangeError(`fault count must be a positive integer, got ${fault.count}`);
  if (fault.holdMs !== undefined && (!Number.isFinite(fault.holdMs) || fault.holdMs < 0)) throw new RangeError(`fault holdMs must be ≥ 0, got ${fault.holdMs}`);
  const numbers: unknown = fault.numbers;
  if (numbers !== undefined && (!Array.isArray(numbers) || numbers.some((number) => typeof number !== 'string'))) throw new TypeError('fault numbers must be strings');
  return { ...fault, ...(fault.numbers === undefined ? {} : { numbers: fault.numbers.slice() }) };
}

/** The waybill a courier query asks about, from its form (Kuaidi100 `param.num`, Kdniao `RequestData.LogisticCode`); null when unreadable. */
export function queriedTrackingNumber(courier: CourierName, form: Record<string, string>): string | null {
  const [field, key] = courier === 'kuaidi100' ? ['param', 'num'] : ['RequestData', 'LogisticCode'];
  const text = form[field];
  if (text === undefined) return null;
  try {
    const value = (JSON.parse(text) as Record<string, unknown> | null)?.[key];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

const GATEWAY_PAGE = (status: number, title: string): StandInResponse =>
  textResponse(status, `<html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center></body></html>`, 'text/html;charset=UTF-8');

/** JSON cut off mid-way, as a dropped connection behind a proxy leaves it: 200 and a JSON type, unparseable. */
const TRUNCATED_JSON = '{"message":"ok","nu":"';

function kuaidi100Failure(returnCode: string, message: string): StandInResponse {
  return jsonResponse({ result: false, returnCode, message });
}

function kdniaoFailure(form: Record<string, string>, reason: string): StandInResponse {
  return jsonResponse({ EBusinessID: form.EBusinessID ?? '', Success: false, Reason: reason });
}

/**
 * The reply for an injected fault (after the hold, for `timeout`). Kuaidi100 signals errors by `returnCode`;
 * Kdniao has no codes, only a `Reason` text, and its quota answer is such a body rather than HTTP 429.
 */
export function faultResponse(courier: CourierName, kind: Exclude<CourierFaultKind, 'timeout'>, form: Record<string, string>): StandInResponse {
  switch (kind) {
    case 'http5xx':
      return GATEWAY_PAGE(502, 'Bad Gateway');
    case 'malformed':
      return { status: 200, headers: { 'content-type': JSON_TYPE }, body: TRUNCATED_JSON };
    case 'rate429':
      if (courier === 'kdniao') return kdniaoFailure(form, '今日接口调用次数已达上限');
      return { status: 429, headers: { 'content-type': 'text/plain;charset=UTF-8', 'retry-after': '3600' }, body: 'Too Many Requests' };
    case 'phone408':
      return courier === 'kuaidi100' ? kuaidi100Failure('408', '快递公司参数异常：验证码错误') : kdniaoFailure(form, '顺丰单号需要CustomerName（收件人手机号后四位）');
    case 'sign503':
      return courier === 'kuaidi100' ? kuaidi100Failure('503', '验证签名失败') : kdniaoFailure(form, '验证数据签名失败');
    case 'expired601':
      return courier === 'kuaidi100' ? kuaidi100Failure('601', 'POLL:KEY已过期') : kdniaoFailure(form, '套餐已过期，该接口未开通');
  }
}

/** What a held `timeout` query finally gets, if the client is still waiting. */
export const TIMEOUT_RESPONSE = (): StandInResponse => GATEWAY_PAGE(504, 'Gateway Time-out');
