// The Kdniao 1002 / 8001 query (lib/tracking/README.md § Kdniao request, § Kdniao signing): builds and signs
// the form, sends it through the poller's transport, and reads the reply into a QueryOutcome.
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isRecord, readFlag } from '../pdd/fields';
import { askableQuery, formBody, isFailure, sendForJson, type AskableQuery } from './client-shared';
import { normalizeKdniao } from './kdniao';
import { kdniaoFailure, unreadableReply } from './provider-errors';
import type { HttpRequestSpec, KdniaoCredentials, QueryOutcome, TrackingClient } from './provider';

export const KDNIAO_QUERY_URL = 'https://api.kdniao.com/Ebusiness/EbusinessOrderHandle.aspx';

/**
 * `Base64(lower-hex(MD5(RequestData + ApiKey)))`: Base64 over the 32 hex characters, not the raw digest.
 * Left un-encoded: the form encoder percent-encodes it once, like every other value.
 */
export function kdniaoSign(requestData: string, apiKey: string): string {
  return btoa(bytesToHex(md5(utf8ToBytes(requestData + apiKey))));
}

/** The form for one waybill; `RequestData` is serialized once, signed and posted as that same text. */
export function kdniaoRequest(query: AskableQuery, credentials: KdniaoCredentials): HttpRequestSpec {
  const requestData = JSON.stringify({
    OrderCode: '',
    ShipperCode: query.courierCode,
    LogisticCode: query.trackingNumber,
    ...(query.phoneTail === null ? {} : { CustomerName: query.phoneTail }),
  });
  return {
    url: KDNIAO_QUERY_URL,
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: formBody({
      EBusinessID: credentials.businessId,
      RequestType: credentials.requestType,
      RequestData: requestData,
      DataSign: kdniaoSign(requestData, credentials.apiKey),
      DataType: '2',
    }),
  };
}

export function kdniaoClient(credentials: KdniaoCredentials): TrackingClient {
  const secrets = [credentials.apiKey, credentials.businessId];
  return {
    provider: 'kdniao',
    async query(query, { now, transport }): Promise<QueryOutcome> {
      const askable = askableQuery(query, 'kdniao');
      if (isFailure(askable)) return askable;
      const reply = await sendForJson('kdniao', transport, kdniaoRequest(askable, credentials), secrets);
      if (isFailure(reply)) return reply;
      const result = normalizeKdniao(reply.body, askable.trackingNumber, now);
      if (result.ok) return { ok: true, result };
      // Success:false (and not "no trace", which the normalizer reads as a reading) is the provider's answer;
      // any other refusal is a reply that cannot be read.
      if (isRecord(reply.body) && readFlag(reply.body.Success, 'Success', []) !== true) {
        return kdniaoFailure(typeof reply.body.Reason === 'string' ? reply.body.Reason : '', now, secrets);
      }
      return unreadableReply('kdniao', result.error, secrets);
    },
  };
}
