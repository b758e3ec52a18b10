// The Kuaidi100 real-time query (lib/tracking/README.md § Kuaidi100 request, § Kuaidi100 signing): builds
// and signs the form, sends it through the poller's transport, and reads the reply into a QueryOutcome.
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isRecord, readText } from '../pdd/fields';
import { askableQuery, formBody, isFailure, sendForJson, type AskableQuery } from './client-shared';
import { normalizeKuaidi100 } from './kuaidi100';
import { kuaidi100Failure, unreadableReply } from './provider-errors';
import type { HttpRequestSpec, Kuaidi100Credentials, QueryOutcome, TrackingClient } from './provider';

export const KUAIDI100_QUERY_URL = 'https://poll.kuaidi100.com/poll/query.do';

/** `UPPER(hex(MD5(param + key + customer)))` over the UTF-8 bytes of the exact `param` text posted. */
export function kuaidi100Sign(param: string, key: string, customer: string): string {
  return bytesToHex(md5(utf8ToBytes(param + key + customer))).toUpperCase();
}

/**
 * The form for one waybill. `param` is serialized once and that same text is both signed and posted
 * (serializing twice is a known signature bug); `resultv2=4` asks for the sub-codes the normalizer reads.
 */
export function kuaidi100Request(query: AskableQuery, credentials: Kuaidi100Credentials): HttpRequestSpec {
  const param = JSON.stringify({
    com: query.courierCode,
    num: query.trackingNumber,
    ...(query.phoneTail === null ? {} : { phone: query.phoneTail }),
    resultv2: '4',
  });
  return {
    url: KUAIDI100_QUERY_URL,
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody({ customer: credentials.customer, sign: kuaidi100Sign(param, credentials.key, credentials.customer), param }),
  };
}

const NO_RECORD = '500';

export function kuaidi100Client(credentials: Kuaidi100Credentials): TrackingClient {
  const secrets = [credentials.key, credentials.customer];
  return {
    provider: 'kuaidi100',
    async query(query, { now, transport }): Promise<QueryOutcome> {
      const askable = askableQuery(query, 'kuaidi100');
      if (isFailure(askable)) return askable;
      const reply = await sendForJson('kuaidi100', transport, kuaidi100Request(askable, credentials), secrets);
      if (isFailure(reply)) return reply;
      const result = normalizeKuaidi100(reply.body, askable.trackingNumber, now);
      if (result.ok) return { ok: true, result };
      // A failing returnCode is the provider's answer; any other refusal (not an object, data not a list,
      // another waybill's body) is a reply that cannot be read.
      const returnCode = isRecord(reply.body) ? readText(reply.body.returnCode, 'returnCode', []) : null;
      if (returnCode !== null && returnCode !== '200' && returnCode !== NO_RECORD) {
        const body = reply.body as Record<string, unknown>;
        return kuaidi100Failure(returnCode, typeof body.message === 'string' ? body.message : '', secrets);
      }
      return unreadableReply('kuaidi100', result.error, secrets);
    },
  };
}
