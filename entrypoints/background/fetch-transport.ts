// The one way the worker reaches a courier API: the clients in lib/tracking build and sign the request, this
// sends it. No cookies (`credentials: 'omit'`), and a request that hangs counts as failed after 15 s.
import type { Transport } from '@/lib/tracking/provider';

export const COURIER_TIMEOUT_MS = 15_000;

export const fetchTransport: Transport = async (request) => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    credentials: 'omit',
    signal: AbortSignal.timeout(COURIER_TIMEOUT_MS),
  });
  return { status: response.status, text: await response.text() };
};
