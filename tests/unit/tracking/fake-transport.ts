// A Transport for the client tests: records every request and answers from a script, so a test can say
// what the provider replied and check what was sent (or that nothing was).
import type { HttpRequestSpec, TrackingQuery, Transport } from '../../../lib/tracking/provider';
import { connectionCheckQuery } from '../../../lib/tracking/connection-check';

export type ScriptedReply = { status: number; text: string } | { reject: unknown };

export interface FakeTransport {
  transport: Transport;
  sent: HttpRequestSpec[];
}

export function fakeTransport(reply: ScriptedReply): FakeTransport {
  const sent: HttpRequestSpec[] = [];
  const transport: Transport = (request) => {
    sent.push(request);
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a transport may reject with anything, and the clients must cope
    return 'reject' in reply ? Promise.reject(reply.reject) : Promise.resolve(reply);
  };
  return { transport, sent };
}

export const json = (value: unknown, status = 200): ScriptedReply => ({ status, text: JSON.stringify(value) });

/** The form fields of a sent body, decoded once, as a server would read them. */
export function formFields(request: HttpRequestSpec): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.body));
}

/** A 圆通 parcel (no phone tail needed) to ask the clients about; `overrides` change what a test is about. */
export function query(overrides: Partial<TrackingQuery> = {}): TrackingQuery {
  return { ...connectionCheckQuery(0), trackingNumber: 'YT0000000000001', ...overrides };
}
