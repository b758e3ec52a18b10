// What a failed provider query means for the poller (lib/tracking/README.md § Error classes): the class that
// decides its handling, the provider's code, a technical detail without credentials, and a plain message
// telling the merchant what to do. The normalizers' `retry` advice is derived from the same tables.
import { errorMessage } from '../errors/error-message';
import { escapeText } from '../text/quote';
import { DAY_MS, shanghaiMidnight } from '../time/shanghai';
import type { PlainMessage, ProviderErrorClass, QueryOutcome } from './provider';
import type { TrackingResult } from './status';

export type ProviderFailure = Extract<QueryOutcome, { ok: false }>;
type RetryAdvice = Extract<TrackingResult, { ok: false }>['retry'];
/** The providers reached over HTTP with the merchant's own account. */
export type CourierApi = 'kuaidi100' | 'kdniao';

export const COURIER_API_NAME: Readonly<Record<CourierApi, PlainMessage>> = {
  kuaidi100: { zh: '快递100', en: 'Kuaidi100' },
  kdniao: { zh: '快递鸟', en: 'Kdniao' },
};

/** Kuaidi100 query `returnCode`s that are failures (500 "no record yet" is a reading, not one of them). */
const KUAIDI100_CODE_CLASSES: ReadonlyMap<string, ProviderErrorClass> = new Map([
  ['400', 'bad_input'],
  ['408', 'needs_phone'],
  ['503', 'auth'],
  // 600 is a subscription code in the reference; a query answering it means the same bad key.
  ['600', 'auth'],
  ['601', 'auth'],
  ['501', 'transient'],
  ['502', 'transient'],
]);

const KUAIDI100_MESSAGES: Readonly<Record<string, PlainMessage>> = {
  '400': {
    zh: '快递100不受理这个快递公司或单号：请核对该单的快递公司和运单号',
    en: 'Kuaidi100 does not accept this courier or tracking number: check the order’s courier and number',
  },
  '408': {
    zh: '需要手机后四位：顺丰、中通的单号须附收件人或寄件人手机后四位，请在设置中填写寄件人手机后四位并核对',
    en: 'Phone digits needed: SF and ZTO answer only with the last four digits of a phone; enter the sender’s in settings and check them',
  },
  '503': { zh: '签名错误：请核对授权key与customer', en: 'Signature rejected: check the authorization key and customer' },
  '600': { zh: '授权key无效：请核对快递100授权key', en: 'The Kuaidi100 authorization key is not valid: check it' },
  '601': {
    zh: '授权key已过期：请在快递100后台续费或更换key后重新保存',
    en: 'The Kuaidi100 key has expired: renew it in the Kuaidi100 console, then save the settings again',
  },
};

/**
 * Kdniao sends no error code, only a `Reason` text (lib/tracking/README.md § Kdniao errors); the first list
 * that matches decides. The words are the project's: the reference gives only 验证数据签名失败.
 */
const KDNIAO_SIGNATURE_REASON = /签名|DataSign/i;
const KDNIAO_ACCOUNT_REASON = /用户ID|EBusinessID|未开通|权限|账号|AppKey|ApiKey/i;
const KDNIAO_PHONE_REASON = /手机|CustomerName/i;
/** A daily cap resets at midnight (Beijing time); a rate limit sooner. */
const KDNIAO_DAILY_CAP_REASON = /上限|次数|额度/;
const KDNIAO_RATE_REASON = /频率|频繁|超过/;

/** The class of a Kuaidi100 `returnCode`; null for a code the reference does not list. */
export function kuaidi100CodeClass(returnCode: string): ProviderErrorClass | null {
  return KUAIDI100_CODE_CLASSES.get(returnCode) ?? null;
}

/** The class of a Kdniao `Success:false` answer, by its `Reason`. */
export function kdniaoReasonClass(reason: string): ProviderErrorClass {
  if (KDNIAO_SIGNATURE_REASON.test(reason) || KDNIAO_ACCOUNT_REASON.test(reason)) return 'auth';
  if (KDNIAO_PHONE_REASON.test(reason)) return 'needs_phone';
  if (KDNIAO_DAILY_CAP_REASON.test(reason) || KDNIAO_RATE_REASON.test(reason)) return 'rate';
  return 'transient';
}

/** The normalizers' older advice for a class: fixing settings or the order is needed before asking again. */
export function retryAdviceFor(errorClass: ProviderErrorClass): RetryAdvice {
  if (errorClass === 'transient') return 'backoff';
  if (errorClass === 'rate') return 'later';
  return 'never';
}

export function failure(errorClass: ProviderErrorClass, code: string | null, detail: string, message: PlainMessage, retryAt?: number): ProviderFailure {
  return retryAt === undefined ? { ok: false, errorClass, code, detail, message } : { ok: false, errorClass, code, detail, message, retryAt };
}

/** A Kuaidi100 body with a failing `returnCode`; `providerMessage` is its raw `message`, redacted and escaped here. */
export function kuaidi100Failure(returnCode: string, providerMessage: string, secrets: readonly string[]): ProviderFailure {
  const errorClass = kuaidi100CodeClass(returnCode) ?? 'transient';
  const detail = `Kuaidi100 returnCode ${escapeText(returnCode)}: ${escapeText(redact(providerMessage, secrets))}`;
  return failure(errorClass, returnCode, detail, KUAIDI100_MESSAGES[returnCode] ?? temporaryError('kuaidi100'));
}

/** A Kdniao `Success:false` answer; a daily cap pauses until the next Beijing midnight. */
export function kdniaoFailure(reason: string, now: number, secrets: readonly string[]): ProviderFailure {
  const errorClass = kdniaoReasonClass(reason);
  const detail = `Kdniao request failed: ${reason === '' ? 'no reason given' : escapeText(redact(reason, secrets))}`;
  if (errorClass === 'auth') {
    const message = KDNIAO_SIGNATURE_REASON.test(reason)
      ? { zh: '签名错误：请核对快递鸟 ApiKey 与 EBusinessID', en: 'Signature rejected: check the Kdniao ApiKey and EBusinessID' }
      : {
          zh: '快递鸟账号或接口未开通：请核对 EBusinessID，并在快递鸟后台开通所选的查询接口',
          en: 'Kdniao account or API not enabled: check the EBusinessID and enable the chosen query API in the Kdniao console',
        };
    return failure('auth', null, detail, message);
  }
  if (errorClass === 'needs_phone') return failure('needs_phone', null, detail, phoneTailNeeded());
  if (errorClass === 'rate') {
    const dailyCap = KDNIAO_DAILY_CAP_REASON.test(reason);
    const message = dailyCap
      ? { zh: '快递鸟今日查询次数已用完：已暂停，北京时间零点后自动继续', en: 'Kdniao’s daily query allowance is used up: paused until midnight Beijing time' }
      : rateLimited('kdniao');
    return dailyCap ? failure('rate', null, detail, message, shanghaiMidnight(now) + DAY_MS) : failure('rate', null, detail, message);
  }
  return failure('transient', null, detail, temporaryError('kdniao'));
}

/** A reply that is not a 2xx: 429 is a rate limit, anything else (5xx, a proxy's 403) a temporary failure. */
export function httpFailure(provider: CourierApi, status: number): ProviderFailure {
  const detail = `${COURIER_API_NAME[provider].en} answered HTTP ${status}`;
  if (status === 429) return failure('rate', String(status), detail, rateLimited(provider));
  return failure('transient', String(status), detail, temporaryError(provider));
}

/** The transport rejected: network failure, timeout, or (in a browser) a host permission not granted. */
export function transportFailure(provider: CourierApi, error: unknown, secrets: readonly string[]): ProviderFailure {
  const name = error instanceof Error ? error.name : typeof error;
  const text = errorMessage(error);
  const { zh, en } = COURIER_API_NAME[provider];
  return failure('transient', null, `request to ${en} failed: ${escapeText(name)}: ${escapeText(redact(text, secrets))}`, {
    zh: `连不上${zh}（网络故障或超时），稍后自动重试；若一直如此，请在选项中重新保存${zh}设置并允许访问其网站`,
    en: `Could not reach ${en} (network failure or timeout); retrying automatically. If it persists, save the ${en} settings again in the options and allow access to its site`,
  });
}

/** A reply that cannot be read (not JSON, not the provider's shape): treated as a passing fault. */
export function unreadableReply(provider: CourierApi, detail: string, secrets: readonly string[]): ProviderFailure {
  const { zh, en } = COURIER_API_NAME[provider];
  return failure('transient', null, redact(detail, secrets), {
    zh: `${zh}的回复无法读取，稍后自动重试`,
    en: `${en}’s reply could not be read; retrying automatically`,
  });
}

export function phoneTailNeeded(): PlainMessage {
  return {
    zh: '需要手机后四位：顺丰、中通的单号须附手机后四位，请在设置中填写寄件人手机后四位',
    en: 'Phone digits needed: SF and ZTO answer only with the last four digits of a phone; enter the sender’s in settings',
  };
}

export function unknownCourier(provider: CourierApi): PlainMessage {
  const { zh, en } = COURIER_API_NAME[provider];
  return {
    zh: `无法向${zh}查询：不认识该单的快递公司，请核对快递公司和运单号`,
    en: `Cannot ask ${en}: the order’s courier is not one it is known to serve; check the courier and tracking number`,
  };
}

export function missingTrackingNumber(): PlainMessage {
  return { zh: '该单没有可查询的运单号：请核对运单号', en: 'The order has no tracking number to ask about: check it' };
}

function rateLimited(provider: CourierApi): PlainMessage {
  const { zh, en } = COURIER_API_NAME[provider];
  return { zh: `${zh}查询过于频繁：已暂停，稍后自动继续`, en: `${en} is being asked too often: paused, it resumes by itself` };
}

function temporaryError(provider: CourierApi): PlainMessage {
  const { zh, en } = COURIER_API_NAME[provider];
  return { zh: `${zh}暂时出错，稍后自动重试`, en: `${en} had a temporary error; retrying automatically` };
}

/**
 * `text` with every credential replaced: a provider may echo what it was sent. Escaped forms are replaced
 * too, for text that was escaped before it got here.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret === '') continue;
    result = result.split(secret).join('[redacted]');
    const escaped = escapeText(secret, Infinity);
    if (escaped !== secret) result = result.split(escaped).join('[redacted]');
  }
  return result;
}
