// Ships inside the page-world hook (lib/capture/strip-pii.ts): one regular expression, nothing else.

/**
 * A privacy number `主号-分机` as PDD gives receivers (`18400001234-5678`, masked `184****1234-5678`): the
 * main number is the platform's relay, the extension the 4 digits a courier asks for (顺丰/中通 phone tail).
 */
const PRIVACY_NUMBER = /^1\d{2}[\d*]{4}\d{4}\s*[-－]\s*(\d{4})$/;

/** The extension of a privacy number; null for anything else, masked ordinary numbers (`138****1234`) included: their digits are the buyer's own. */
export function privacyExtensionOf(mobile: unknown): string | null {
  return typeof mobile === 'string' ? (PRIVACY_NUMBER.exec(mobile.trim())?.[1] ?? null) : null;
}
