import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../lib/errors/error-message';

describe('errorMessage', () => {
  it('gives an Error its message, or its name when the message is empty', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(errorMessage(new DOMException('', 'AbortError'))).toBe('AbortError');
  });

  it('shows any other value as text', () => {
    expect(errorMessage('timeout')).toBe('timeout');
    expect(errorMessage(408)).toBe('408');
    expect(errorMessage(undefined)).toBe('undefined');
  });

  it('never throws, even for a value that has no usable toString', () => {
    expect(errorMessage({ toString: false })).toBe('(object that cannot be shown as text)');
    expect(errorMessage(Object.create(null))).toBe('(object that cannot be shown as text)');
    expect(errorMessage({ toString: () => { throw new Error('no'); } })).toBe('(object that cannot be shown as text)');
  });
});
