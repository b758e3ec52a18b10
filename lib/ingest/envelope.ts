// Checks a captured console response and finds its rows. A response the console marked as failed, or
// one without a result, yields an error and no rows: ingest then writes nothing.
import * as v from 'valibot';
import type { Capture, CapturedEndpoint } from '../capture/capture';
import { describeIssue } from '../schema/issues';
import { describeValue } from '../text/quote';
import { isPlainObject, plainObject } from '../schema/plain-object';

export type EnvelopeResult = { ok: true; rows: unknown[] } | { ok: false; error: string };

/** The console's error, from the camelCase envelope or orderDetail's snake_case one; null when none. */
function consoleError(response: Record<string, unknown>): string | null {
  const code = response.errorCode ?? response.error_code;
  const message = response.errorMsg ?? response.error_msg;
  // Only consulted when `success` is absent (orderDetail); mms answers success with 0 or 1000000.
  const failedCode = code !== undefined && code !== null && code !== 0 && code !== 1000000 && code !== '0';
  if (response.success === false || (response.success === undefined && failedCode)) {
    return `console answered with an error${code !== undefined ? ` ${describeValue(code)}` : ''}${
      typeof message === 'string' && message ? `: ${describeValue(message)}` : ''
    }`;
  }
  return null;
}

/** Where each endpoint keeps its rows; a courier trace's one row is its `result`, read by lib/pdd/console-trace.ts. */
const ROWS = {
  recentOrderList: v.pipe(
    v.object({ result: v.object({ pageItems: v.array(v.unknown()) }) }),
    v.transform(({ result }) => result.pageItems),
  ),
  afterSalesList: v.pipe(
    v.object({ result: v.object({ list: v.array(v.unknown()) }) }),
    v.transform(({ result }) => result.list),
  ),
  orderDetail: v.pipe(
    v.object({ result: plainObject('an object') }),
    v.transform(({ result }): unknown[] => [result]),
  ),
  courierTrace: v.pipe(
    v.object({ result: plainObject('an object') }),
    v.transform(({ result }): unknown[] => [result]),
  ),
} satisfies Record<CapturedEndpoint, v.GenericSchema<unknown, unknown[]>>;

export function rowsOfCapture(capture: Pick<Capture, 'endpoint' | 'response'>): EnvelopeResult {
  const { endpoint, response } = capture;
  if (!isPlainObject(response)) return { ok: false, error: `${endpoint}: response is not a JSON object` };
  const error = consoleError(response);
  if (error !== null) return { ok: false, error: `${endpoint}: ${error}` };
  const rows = v.safeParse(ROWS[endpoint], response);
  return rows.success ? { ok: true, rows: rows.output } : { ok: false, error: `${endpoint}: ${describeIssue(rows.issues[0], 'response')}` };
}
