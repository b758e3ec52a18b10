import { describe, expect, it } from 'vitest';
import { escapeText, oneLine, plainOrQuoted, quote, QUOTED_LENGTH } from '../../../lib/text/quote';

describe('quote', () => {
  it('writes text as a JSON string literal: quotes, backslashes and line breaks escaped', () => {
    expect(quote('soon\nassess: orders[9]: fake line')).toBe('"soon\\nassess: orders[9]: fake line"');
    expect(quote('a "b" \\ c\r\td')).toBe('"a \\"b\\" \\\\ c\\r\\td"');
    expect(JSON.parse(quote('快件已揽收 \u0000'))).toBe('快件已揽收 \u0000');
  });

  it('escapes what JSON leaves as is but a terminal would not show as written', () => {
    expect(quote('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
    expect(quote('\u202eevil\u200b')).toBe('"\\u202eevil\\u200b"');
    expect(quote('\u0085')).toBe('"\\u0085"');
  });

  it('cuts long text, marking the cut outside the quotes, never inside a surrogate pair', () => {
    expect(quote('x'.repeat(QUOTED_LENGTH))).toBe(`"${'x'.repeat(QUOTED_LENGTH)}"`);
    expect(quote('x'.repeat(QUOTED_LENGTH + 1))).toBe(`"${'x'.repeat(QUOTED_LENGTH)}"…`);
    expect(quote(`${'x'.repeat(QUOTED_LENGTH - 1)}😀`)).toBe(`"${'x'.repeat(QUOTED_LENGTH - 1)}"…`);
    expect(quote('9'.repeat(400)).length).toBe(QUOTED_LENGTH + 3);
  });

  it('escapeText is the inside of quote', () => {
    expect(escapeText('坏\nassess: fake')).toBe('坏\\nassess: fake');
    expect(escapeText('x'.repeat(QUOTED_LENGTH + 1))).toBe(`${'x'.repeat(QUOTED_LENGTH)}…`);
  });
});

describe('plainOrQuoted', () => {
  it('leaves ids and keys as they are and quotes anything else', () => {
    expect(plainOrQuoted('YT123')).toBe('YT123');
    expect(plainOrQuoted('261118-582910374650211')).toBe('261118-582910374650211');
    expect(plainOrQuoted('yt 123')).toBe('"yt 123"');
    expect(plainOrQuoted('')).toBe('""');
    expect(plainOrQuoted('a\nb')).toBe('"a\\nb"');
  });
});

describe('oneLine', () => {
  it('escapes only what breaks a line, leaving quoted text as it was', () => {
    expect(oneLine('policy.a\nassess: fake: unknown key')).toBe('policy.a\\u000aassess: fake: unknown key');
    expect(oneLine('got "soon\\nx"')).toBe('got "soon\\nx"');
    expect(oneLine('a\u2028b\rc')).toBe('a\\u2028b\\u000dc');
  });
});
