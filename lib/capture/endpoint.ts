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
