import { describe, expect, test } from 'vitest';
import { asIdentifier, csvCell, csvDocument, UTF8_BOM } from '../../../lib/backup/csv';
import { shanghaiDateTime } from '../../../lib/time/shanghai';

describe('CSV for Excel and WPS', () => {
  test('UTF-8 byte-order mark, CRLF line ends, Chinese as is', () => {
    const doc = csvDocument(['订单号', '状态'], [['A', '已发货，待收货'], ['B', '待发货']]);
    expect(doc.startsWith(UTF8_BOM)).toBe(true);
    // The full-width comma of the console's wording is not a separator: no quoting needed.
    expect(doc).toBe('\uFEFF订单号,状态\r\nA,已发货，待收货\r\nB,待发货\r\n');
    expect(new TextEncoder().encode(doc).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  test('RFC 4180 quoting of commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12.5)).toBe('12.5');
  });

  test.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('a cell that Excel would run as a formula is made text: %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test('numbers stay numbers; long digit identifiers stay text without becoming formulas of their own', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(asIdentifier('773123456789012'))).toBe('"=""773123456789012"""');
    expect(csvCell(asIdentifier('261120-000000000000001'))).toBe('261120-000000000000001');
    expect(csvCell(asIdentifier('=1+1'))).toBe("'=1+1");
    expect(csvCell(asIdentifier(null))).toBe('');
  });

  test('times are Shanghai wall time whatever the machine zone', () => {
    expect(shanghaiDateTime(Date.parse('2026-11-20T02:03:04Z'))).toBe('2026-11-20 10:03:04');
    expect(shanghaiDateTime(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
    expect(shanghaiDateTime(null)).toBeNull();
  });
});
