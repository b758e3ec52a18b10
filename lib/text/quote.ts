// Untrusted text inside a message (a diagnostic line, an error stored on a waybill). Written as JSON writes a
// string, so a value can neither end the line it stands on ("soon\nassess: orders[9]: fake line") nor its
// quotes, and cut so that one field cannot make a message of any length.

/** How much of a value a message shows. */
export const QUOTED_LENGTH = 60;

/**
 * Characters JSON.stringify leaves as they are but a terminal or a log viewer may not show as written: C1
 * controls, line and paragraph separators, and the invisible and direction-changing format characters.
 */
const UNSHOWN = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** `text` as a JSON string literal, cut after `length` UTF-16 units: `"soon\nfake"`; `"long…"…` when cut. */
export function quote(text: string, length = QUOTED_LENGTH): string {
  const cut = cutAt(text, length);
  const quoted = `"${escaped(cut)}"`;
  return cut.length < text.length ? `${quoted}…` : quoted;
}

/**
 * The inside of `quote`: for a provider's own message, shown as its words after a colon rather than as a
 * quoted value, but just as unable to break the line.
 */
export function escapeText(text: string, length = QUOTED_LENGTH): string {
  const cut = cutAt(text, length);
  return cut.length < text.length ? `${escaped(cut)}…` : escaped(cut);
}

/** Any untrusted value in a message: text as `quote` writes it, numbers as written, other values by their kind (`a list`, `Map`). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return tag === 'Object' ? 'an object' : tag;
}

/** Ids and keys ("YT123", "261118-582910374650211") as they are; any other text quoted: `"yt 123"`. */
export function plainOrQuoted(text: string): string {
  return PLAIN.test(text) ? text : quote(text);
}

const PLAIN = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * A message made elsewhere, kept to one line: only the characters that could end or hide a line are
 * escaped (\n → \u000a), so text already quoted by `quote` is left as it was.
 */
export function oneLine(message: string): string {
  return message.replace(LINE_BREAKING, unicodeEscape);
}

// eslint-disable-next-line no-control-regex -- matching the C0 controls (and C1, U+2028/9) is this pattern's purpose
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function escaped(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(UNSHOWN, unicodeEscape);
}

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The first `length` units of `text`, one fewer rather than half a surrogate pair. */
function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
