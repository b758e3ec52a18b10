import * as v from 'valibot';
import { describeIssue, pathOf } from '../schema/issues';
import { describeValue } from '../text/quote';
import { plainObject } from '../schema/plain-object';
import { CAPTURED_ENDPOINTS, type Capture, type CapturedEndpoint } from './capture';

/** Tag of the window messages between our page-world hook and our bridge. */
export const PAGE_CHANNEL = 'order-sentinel:capture';
export const PAGE_MESSAGE_VERSION = 1;

export interface PageCaptureMessage {
  channel: typeof PAGE_CHANNEL;
  version: typeof PAGE_MESSAGE_VERSION;
  capture: Capture;
}

/** Generous for a 100-row page (a console row has ~80 fields), small enough to refuse a flood. */
export const MAX_CAPTURE_NODES = 60_000;
/** Characters of text, keys included. */
export const MAX_CAPTURE_TEXT = 4_000_000;
/** Far longer than any shop name the console allows. */
export const MAX_SHOP_NAME = 100;
/** Deeper than any console response. */
export const MAX_CAPTURE_DEPTH = 16;

export type PageMessageCheck =
  | { ok: true; capture: Capture }
  | { ok: false; reason: string; ours: boolean };

// The fewer kinds of valibot schema the content script uses, the less of valibot it carries (a budget of 30 KB).
const messageSchema = v.object({
  version: v.picklist([PAGE_MESSAGE_VERSION]),
  capture: v.object({
    endpoint: v.picklist(Object.keys(CAPTURED_ENDPOINTS) as CapturedEndpoint[]),
    shopId: v.nullable(v.pipe(v.string(), v.check((id) => id.length <= 64, 'a shop id of at most 64 characters'))),
    shopName: v.optional(v.nullable(v.pipe(v.string(), v.check((name) => name.length <= MAX_SHOP_NAME, `a shop name of at most ${MAX_SHOP_NAME} characters`)))),
    // Only its type here: the worker checks it against its own clock (./captured-at.ts).
    capturedAt: v.pipe(v.number(), v.check((time: number) => Number.isFinite(time), 'a finite number')),
    request: v.optional(v.unknown()),
    response: plainObject('a JSON object'),
  }),
});

/**
 * Checks the shape and size of a window message claiming to come from our hook. Anything the page
 * (or another extension) posts is untrusted: `ours` tells whether it even carried our channel tag.
 */
export function checkPageMessage(data: unknown): PageMessageCheck {
  if (typeof data !== 'object' || data === null || !('channel' in data) || data.channel !== PAGE_CHANNEL) {
    return { ok: false, reason: 'not our channel', ours: false };
  }
  const result = v.safeParse(messageSchema, data);
  if (!result.success) return { ok: false, reason: describeIssue(result.issues[0]), ours: true };
  const { endpoint, shopId, shopName = null, capturedAt, request = null, response } = result.output.capture;
  const problem = jsonProblem({ request, response }, { nodes: 0, text: 0 }, 0);
  if (problem !== null) return { ok: false, reason: `${pathOf('capture', problem.keys)}: ${problem.problem}`, ours: true };
  return { ok: true, capture: { endpoint, shopId, shopName, capturedAt, request, response } };
}

interface JsonProblem {
  /** Keys from the capture down to the offending value (filled in as the walk unwinds). */
  keys: unknown[];
  problem: string;
}

/**
 * Null when `value` is JSON-shaped (null, true/false, a finite number, text, a list, a plain object, nested)
 * and within the caps, counting every value, every key and every character. Maps, sets, buffers, dates,
 * BigInts and class instances are refused: structured clone carries them, JSON never does, and the caps
 * could not see inside them.
 */
function jsonProblem(value: unknown, size: { nodes: number; text: number }, depth: number): JsonProblem | null {
  size.nodes += 1;
  if (size.nodes > MAX_CAPTURE_NODES) return { keys: [], problem: `more than ${MAX_CAPTURE_NODES} values` };
  if (depth > MAX_CAPTURE_DEPTH) return { keys: [], problem: `nested deeper than ${MAX_CAPTURE_DEPTH}` };
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : { keys: [], problem: `expected a finite number, got ${describeValue(value)}` };
  if (typeof value === 'string') return addText(size, value.length);
  if (typeof value !== 'object') return { keys: [], problem: `expected a JSON value, got ${describeValue(value)}` };
  const prototype: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value) && prototype === Array.prototype) {
    // Holes and extra properties are invisible to a loop over the indexes, so they are not JSON either.
    if (Object.keys(value).length !== value.length) return { keys: [], problem: 'expected a list without holes or extra properties' };
    for (let index = 0; index < value.length; index += 1) {
      const problem = jsonProblem(value[index], size, depth + 1);
      if (problem !== null) return within(index, problem);
    }
    return null;
  }
  if (prototype !== Object.prototype && prototype !== null) return { keys: [], problem: `expected a JSON value, got ${describeValue(value)}` };
  for (const key of Object.keys(value)) {
    const problem = addText(size, key.length) ?? jsonProblem((value as Record<string, unknown>)[key], size, depth + 1);
    if (problem !== null) return within(key, problem);
  }
  return null;
}

function addText(size: { text: number }, length: number): JsonProblem | null {
  size.text += length;
  return size.text > MAX_CAPTURE_TEXT ? { keys: [], problem: `more than ${MAX_CAPTURE_TEXT} characters of text` } : null;
}

function within(key: unknown, problem: JsonProblem): JsonProblem {
  problem.keys.unshift(key);
  return problem;
}
