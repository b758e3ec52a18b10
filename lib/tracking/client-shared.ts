// The steps both courier clients share: what must be known before a query is worth sending, and the
// reading of a reply up to its JSON body. Each step answers a failure outcome instead of throwing.
import { normalizeTrackingNumber } from '../pdd/order-row';
import { errorMessage } from '../errors/error-message';
import { escapeText } from '../text/quote';
import { courierCodesFor, courierNeedsPhoneTail } from './couriers';
import { failure, httpFailure, missingTrackingNumber, phoneTailNeeded, transportFailure, unknownCourier, unreadableReply, type CourierApi, type ProviderFailure } from './provider-errors';
import type { HttpRequestSpec, TrackingQuery, Transport } from './provider';

/** What a client needs to build its request; a phone tail only for couriers that require one. */
export interface AskableQuery {
  trackingNumber: string;
  courierCode: string;
  phoneTail: string | null;
}

const PHONE_TAIL = /^\d{4}$/;

/**
 * The query as the provider can be asked it, or the failure that asking would only confirm: an unknown
 * courier (`bad_input`), a 顺丰/中通 parcel without a four-digit tail (`needs_phone`). No request is sent for those.
 */
export function askableQuery(query: TrackingQuery, provider: CourierApi): AskableQuery | ProviderFailure {
  const trackingNumber = normalizeTrackingNumber(query.trackingNumber);
  if (trackingNumber === null) return failure('bad_input', null, 'no tracking number', missingTrackingNumber());
  const courierCode = courierCodesFor(query.shippingId, provider)[0];
  if (courierCode === undefined) {
    const detail = `no ${provider} courier code for shipping_id ${query.shippingId ?? 'none'}${query.courierName === null ? '' : ` (${escapeText(query.courierName)})`}`;
    return failure('bad_input', null, detail, unknownCourier(provider));
  }
  if (!courierNeedsPhoneTail(query.shippingId)) return { trackingNumber, courierCode, phoneTail: null };
  if (query.phoneTail === null || !PHONE_TAIL.test(query.phoneTail)) {
    return failure('needs_phone', null, `${courierCode} needs a four-digit phone tail`, phoneTailNeeded());
  }
  return { trackingNumber, courierCode, phoneTail: query.phoneTail };
}

export function isFailure(value: object): value is ProviderFailure {
  return 'ok' in value && value.ok === false;
}

/** `application/x-www-form-urlencoded`: every value percent-encoded exactly once, by the platform's encoder. */
export function formBody(fields: Readonly<Record<string, string>>): string {
  return new URLSearchParams(fields).toString();
}

/**
 * Sends the request and reads the reply as JSON: the transport's rejection, a status other than 2xx and a
 * body that is not JSON are failures (`secrets` are kept out of their details).
 */
export async function sendForJson(
  provider: CourierApi,
  transport: Transport,
  request: HttpRequestSpec,
  secrets: readonly string[],
): Promise<{ body: unknown } | ProviderFailure> {
  let reply: { status: number; text: string };
  try {
    reply = await transport(request);
  } catch (error) {
    return transportFailure(provider, error, secrets);
  }
  if (reply.status < 200 || reply.status > 299) return httpFailure(provider, reply.status);
  try {
    return { body: JSON.parse(reply.text) as unknown };
  } catch (error) {
    return unreadableReply(provider, `${provider} reply is not JSON: ${escapeText(errorMessage(error))}`, secrets);
  }
}
