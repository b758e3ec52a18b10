import { CAPTURED_ENDPOINTS, type CapturedEndpoint } from './capture';

const ENTRIES = Object.entries(CAPTURED_ENDPOINTS) as Array<[CapturedEndpoint, string]>;

/** Which captured endpoint a request URL is, or null. Relative URLs resolve against `base`. */
export function endpointOf(url: string, base: string): CapturedEndpoint | null {
  let path: string;
  try {
    path = new URL(url, base).pathname;
  } catch {
    return null;
  }
  for (const [id, prefix] of ENTRIES) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return id;
  }
  return null;
}

/**
 * What a courierTrace GET asked for, as the capture's `request` (a GET has no body): the `orderSn` query
 * parameter (`/express_base/mms/track/get?orderSn=…`), else the last path segment of the older
 * `/express_base/mms/track/<order_sn>`. Checked by the worker, not here: this ships in the page hook.
 */
export function traceRequestOf(url: string, base: string): { orderSn: string | null } {
  try {
    const parsed = new URL(url, base);
    const last = parsed.pathname.split('/').pop() ?? '';
    return { orderSn: parsed.searchParams.get('orderSn') ?? (last === '' || last === 'get' ? null : decodeURIComponent(last)) };
  } catch {
    return { orderSn: null };
  }
}
