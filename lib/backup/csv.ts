// CSV that Excel and WPS open correctly with Chinese text: UTF-8 with a byte-order mark (without it Excel
// on Chinese Windows reads the file as GBK), CRLF line ends and RFC 4180 quoting.

export const UTF8_BOM = '\uFEFF';

/** An identifier (waybill, order or goods number) that must stay text in the spreadsheet. */
export interface CsvIdentifier {
  identifier: string;
}

export type CsvCell = string | number | boolean | null | undefined | CsvIdentifier;

export const asIdentifier = (value: string | null | undefined): CsvIdentifier | null =>
  value === null || value === undefined ? null : { identifier: value };

/**
 * A cell that starts with = + - @ (or a tab/CR, which Excel strips before looking) would be run as a
 * formula when the file is opened; a leading apostrophe makes it text. Numbers are written as numbers.
 */
function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellText(value: Exclude<CsvCell, null | undefined>): string {
  if (typeof value === 'string') return guardFormula(value);
  if (typeof value === 'object') {
    // Excel turns a long run of digits (many waybill numbers) into 7.73E+14 and loses digits; ="…" keeps it
    // as text in Excel and WPS. Only pure digits get this form, so no formula can be smuggled through it.
    return /^\d{12,}$/.test(value.identifier) ? `="${value.identifier}"` : guardFormula(value.identifier);
  }
  return String(value);
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
