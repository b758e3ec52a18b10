// Checks a captured console response and finds its rows. A response the console marked as failed, or
// one without a result, yields an error and no rows: ingest then writes nothing.
import type { Capture } from '../capture/capture';

export type EnvelopeResult = { ok: true; rows: unknown[] } | { ok: false; error: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The console's error, from the camelCase envelope or orderDetail's snake_case one; null when none. */
function consoleError(response: Record<string, unknown>): string | null {
  const code = response.errorCode ?? response.error_code;
  const message = response.errorMsg ?? response.error_msg;
  // Only consulted when `success` is absent (orderDetail); mms answers success with 0 or 1000000.
  const failedCode = code !== undefined && code !== null && code !== 0 && code !== 1000000 && code !== '0';
  if (response.success === false || (response.success === undefined && failedCode)) {
    return `console answered with an error${code !== undefined ? ` ${String(code)}` : ''}${
      typeof message === 'string' && message ? `: ${message}` : ''
    }`;
  }
  return null;
}

export function rowsOfCapture(capture: Pick<Capture, 'endpoint' | 'response'>): EnvelopeResult {
  const { response } = capture;
  if (!isObject(response)) return { ok: false, error: `${capture.endpoint}: response is not a JSON object` };
  const error = consoleError(response);
  if (error !== null) return { ok: false, error: `${capture.endpoint}: ${error}` };
  const result = response.result;
  if (!isObject(result)) return { ok: false, error: `${capture.endpoint}: response has no result` };

  switch (capture.endpoint) {
    case 'recentOrderList': {
      const rows = result.pageItems;
      return Array.isArray(rows)
        ? { ok: true, rows }
        : { ok: false, error: 'recentOrderList: result.pageItems is not a list' };
    }
    case 'afterSalesList': {
      const rows = result.list;
      return Array.isArray(rows)
        ? { ok: true, rows }
        : { ok: false, error: 'afterSalesList: result.list is not a list' };
    }
    case 'orderDetail':
      return { ok: true, rows: [result] };
    case 'courierTrace':
      // The console's own trace is not normalized yet; tracking arrives through ingestTrackingReply.
      return { ok: false, error: 'courierTrace: not ingested (tracking replies go through ingestTrackingReply)' };
  }
}
