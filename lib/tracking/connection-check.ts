// 测试连接: one query for a made-up waybill tells whether the merchant's credentials are accepted. The
// provider has no record of it, and that "no record" answer is the proof: a wrong key is refused first.
// Each attempt asks about another made-up number: Kuaidi100 locks a number asked twice within 30 minutes.
import { kdniaoClient } from './kdniao-client';
import { kuaidi100Client } from './kuaidi100-client';
import { COURIER_API_NAME } from './provider-errors';
import type { KdniaoCredentials, Kuaidi100Credentials, PlainMessage, TrackingClient, TrackingQuery, Transport } from './provider';

export interface CredentialsByProvider {
  kuaidi100: Kuaidi100Credentials;
  kdniao: KdniaoCredentials;
}

export interface ConnectionCheckResult {
  ok: boolean;
  message: PlainMessage;
}

/** Made-up 圆通 numbers start so (no parcel carries YT000…); the attempt time in ms fills the other ten digits. */
const MADE_UP_PREFIX = 'YT000';
const MADE_UP_DIGITS = 10;

/**
 * The query of an attempt at `now`: a 圆通 number in the courier's format (YT + 13 digits; 圆通 needs no phone
 * tail) that no parcel carries, another for every attempt (the ten digits repeat only after 115 days), the
 * same for the same instant.
 */
export function connectionCheckQuery(now: number): TrackingQuery {
  const digits = String(Math.floor(now) % 10 ** MADE_UP_DIGITS).padStart(MADE_UP_DIGITS, '0');
  return {
    trackingNumber: `${MADE_UP_PREFIX}${digits}`,
    shippingId: 85,
    courierName: '圆通',
    phoneTail: null,
    shippedAt: null,
    provinceName: null,
    cityName: null,
  };
}

export function trackingClientFor<P extends keyof CredentialsByProvider>(provider: P, credentials: CredentialsByProvider[P]): TrackingClient {
  // The provider names which of the two the credentials are; TypeScript cannot narrow a generic by it.
  return provider === 'kuaidi100' ? kuaidi100Client(credentials as Kuaidi100Credentials) : kdniaoClient(credentials as KdniaoCredentials);
}

/**
 * Sends one query and says in plain words whether the account works: only a reading (normally "no record")
 * does; any failure answers its own message (签名错误：…, 连不上…).
 */
export async function connectionCheck<P extends keyof CredentialsByProvider>(
  provider: P,
  credentials: CredentialsByProvider[P],
  transport: Transport,
  now: number,
): Promise<ConnectionCheckResult> {
  const outcome = await trackingClientFor(provider, credentials).query(connectionCheckQuery(now), { now, transport });
  const { zh, en } = COURIER_API_NAME[provider];
  if (outcome.ok) {
    return { ok: true, message: { zh: `连接成功：${zh}已接受这组账号信息`, en: `Connected: ${en} accepted these credentials` } };
  }
  return { ok: false, message: outcome.message };
}
