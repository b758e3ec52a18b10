import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWhitespace, trimmed } from '../../../lib/text/whitespace';

describe('whitespace', () => {
  it('is exactly \\s, for every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code += 1) {
      const expected = /\s/.test(String.fromCharCode(code));
      if (isWhitespace(code) !== expected) throw new Error(`U+${code.toString(16)}: expected ${expected}`);
    }
  });

  it('trims as String#trim does, and returns the same string when there is nothing to trim', () => {
    const pieces = fc.constantFrom(' ', '\u3000', '\t', '\u00a0', '\ufeff', '\u2028', 'a', '驿', '站', '0', '');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(trimmed(text)).toBe(text.trim());
      }),
      { numRuns: 2000 },
    );
    const plain = '快件已到达【转运中心】';
    expect(trimmed(plain)).toBe(plain);
    expect(trimmed('\u3000驿站代收 ')).toBe('驿站代收');
  });
});
