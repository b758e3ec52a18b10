// Fuzz: whatever a provider (or something in between) answers, or however the transport fails, the courier
// clients return an outcome: never a throw, always a known class with a message, never a credential.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { kdniaoClient } from '../../../lib/tracking/kdniao-client';
import { kuaidi100Client } from '../../../lib/tracking/kuaidi100-client';
import type { QueryOutcome, TrackingClient, TrackingQuery } from '../../../lib/tracking/provider';
import { fuzzAsync } from './fuzz';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const SECRETS = ['CUST-7731QX', 'k100-secret-Z9', 'EB-4410QX', 'kdn-secret-Z9'];
/** Each client with its own credentials, which must stay out of its outcomes. */
const CLIENTS: ReadonlyArray<{ client: TrackingClient; secrets: readonly string[] }> = [
  { client: kuaidi100Client({ customer: 'CUST-7731QX', key: 'k100-secret-Z9' }), secrets: ['CUST-7731QX', 'k100-secret-Z9'] },
  { client: kdniaoClient({ businessId: 'EB-4410QX', apiKey: 'kdn-secret-Z9', requestType: '8001' }), secrets: ['EB-4410QX', 'kdn-secret-Z9'] },
];
const QUERY: TrackingQuery = { trackingNumber: 'YT0000000000001', shippingId: 85, courierName: '圆通', phoneTail: null, shippedAt: null, provinceName: null, cityName: null };
const CLASSES = ['auth', 'bad_input', 'needs_phone', 'rate', 'transient'];

const secretText = fc.constantFrom(...SECRETS, '验证数据签名失败', '今日查询次数已超过上限', '查询无结果');
const replyText = fc.oneof(
  fc.string(),
  fc.json(),
  fc.record({ result: fc.boolean(), returnCode: fc.oneof(fc.constantFrom('200', '400', '408', '500', '503', '601'), fc.integer()), message: secretText }).map((body) => JSON.stringify(body)),
  fc.record({ Success: fc.oneof(fc.boolean(), fc.constant('x')), Reason: secretText, State: fc.constantFrom('0', '2', 3), Traces: fc.constantFrom([], {}, null) }).map((body) => JSON.stringify(body)),
);
const reply = fc.oneof(
  { weight: 6, arbitrary: fc.record({ status: fc.oneof(fc.constant(200), fc.integer({ min: 100, max: 599 })), text: replyText }) },
  { weight: 1, arbitrary: fc.oneof(secretText.map((text) => new Error(text)), fc.anything()).map((reject) => ({ reject })) },
);

type Scripted = { status: number; text: string } | { reject: unknown };

function misread({ secrets }: { secrets: readonly string[] }, outcome: QueryOutcome): string | null {
  if (outcome.ok) return outcome.result.facts.trackingNumber === QUERY.trackingNumber ? null : `a reading of another number: ${outcome.result.facts.trackingNumber}`;
  if (!CLASSES.includes(outcome.errorClass)) return `an unknown class: ${outcome.errorClass}`;
  if (outcome.message.zh === '' || outcome.message.en === '') return 'a failure without a message';
  const leaked = secrets.find((secret) => JSON.stringify(outcome).includes(secret));
  return leaked === undefined ? null : 'a credential in the outcome';
}

describe('fuzz: the courier clients on any reply', () => {
  it('answer a reading or a classed failure with a message, without credentials', async () => {
    await fuzzAsync({
      entry: 'courier clients',
      property: 'no throw on any reply or rejection; a known class, a message, no credential',
      input: fc.tuple(fc.constantFrom(...CLIENTS), reply),
      run: async ([{ client }, scripted]: [(typeof CLIENTS)[number], Scripted]) => {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a transport may reject with anything
        const transport = () => ('reject' in scripted ? Promise.reject(scripted.reject) : Promise.resolve(scripted));
        return client.query(QUERY, { now: NOW, transport });
      },
      oracle: ([{ secrets }], outcome) => misread({ secrets }, outcome),
      runs: 400,
      // Found by a run in CI: a rejection whose toString is not a function (String() throws on it).
      examples: [
        [CLIENTS[0]!, { reject: { toString: false } }],
        [CLIENTS[1]!, { reject: Object.create(null) as unknown }],
      ],
    });
  });
});
