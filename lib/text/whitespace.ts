// JavaScript's whitespace (`\s`, what String#trim removes), tested one UTF-16 code unit at a time.

/** Whether `code` is one of the characters of `\s`. Most text here is ASCII or Chinese (above U+3000). */
export function isWhitespace(code: number): boolean {
  if (code > 0x3000) return code === 0xfeff;
  if (code > 32 && code < 0xa0) return false;
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/**
 * `text.trim()`, without the call when there is nothing to trim: most fields of console rows and courier
 * events need none, and a shop's normalization trims a few hundred thousand of them.
 */
export function trimmed(text: string): string {
  const last = text.length - 1;
  if (last < 0 || (!isWhitespace(text.charCodeAt(0)) && !isWhitespace(text.charCodeAt(last)))) return text;
  return text.trim();
}
