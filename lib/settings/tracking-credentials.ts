// The merchant's own tracking accounts (Kuaidi100 customer + key, Kdniao EBusinessID + ApiKey): a WXT
// storage item in storage.local of its own, apart from the settings, so nothing that copies or exports the
// settings or the database carries a secret. Stored values are untrusted like any other: each provider's part
// is checked on reading and dropped when it does not pass. No message here ever quotes a credential's value.
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { KdniaoCredentials, Kuaidi100Credentials } from '../tracking/provider';
import { step } from '../schema/issues';
import { isPlainObject } from '../schema/plain-object';

export interface TrackingCredentials {
  kuaidi100?: Kuaidi100Credentials;
  kdniao?: KdniaoCredentials;
}

export type CredentialProvider = keyof TrackingCredentials;

export const trackingCredentialsItem = storage.defineItem<TrackingCredentials>('local:trackingCredentials', { fallback: {} });

/** Account ids and keys are printable ASCII without spaces: this refuses a pasted line break or a full-width character. */
const CREDENTIAL_TEXT = /^[\x21-\x7e]{1,128}$/;
const credentialText = v.pipe(v.string(), v.regex(CREDENTIAL_TEXT));

const PROVIDER_SCHEMAS = {
  kuaidi100: v.strictObject({ customer: credentialText, key: credentialText }),
  kdniao: v.strictObject({ businessId: credentialText, apiKey: credentialText, requestType: v.picklist(['1002', '8001']) }),
} satisfies Record<CredentialProvider, v.GenericSchema>;

/** What each field is called on the options page, for messages that name the field and never its value. */
const FIELD_LABELS: Record<CredentialProvider, Record<string, string>> = {
  kuaidi100: { customer: '快递100 customer', key: '快递100 授权key' },
  kdniao: { businessId: '快递鸟 EBusinessID', apiKey: '快递鸟 ApiKey', requestType: '快递鸟 RequestType' },
};

/**
 * One message per bad field: `快递100 授权key: 1–128 printable ASCII characters, no spaces`. Built from the issue's
 * path only, so a secret that fails its check (a key with a trailing newline) is never echoed into the page or a log.
 */
function credentialProblems(provider: CredentialProvider, issues: readonly v.BaseIssue<unknown>[]): string[] {
  const problems = issues.map((issue) => {
    const key = issue.path?.[0]?.key;
    const label = typeof key === 'string' && key in FIELD_LABELS[provider] ? FIELD_LABELS[provider][key] : `${provider}${step(key ?? '?', false)}`;
    if (issue.input === undefined) return `${label}: missing`;
    if (issue.expected === 'never') return `${label}: unknown field`;
    if (key === 'requestType') return `${label}: expected 1002 or 8001`;
    return `${label}: 1–128 printable ASCII characters, no spaces`;
  });
  return [...new Set(problems)];
}

export type CredentialsCheck<P extends CredentialProvider> = { ok: true; credentials: Required<TrackingCredentials>[P] } | { ok: false; errors: string[] };

/** Validates one provider's credentials as entered (already trimmed by the caller or not: spaces are refused). */
export function checkProviderCredentials<P extends CredentialProvider>(provider: P, candidate: unknown): CredentialsCheck<P> {
  const result = v.safeParse(PROVIDER_SCHEMAS[provider], candidate);
  if (result.success) return { ok: true, credentials: result.output as Required<TrackingCredentials>[P] };
  return { ok: false, errors: credentialProblems(provider, result.issues) };
}

/** Reads what storage holds: each valid provider part is kept, every other part is named (never quoted) in `errors`. */
export function parseTrackingCredentials(raw: unknown): { credentials: TrackingCredentials; errors: string[] } {
  if (raw === undefined || raw === null) return { credentials: {}, errors: [] };
  if (!isPlainObject(raw)) return { credentials: {}, errors: ['trackingCredentials: not an object; none used'] };
  const credentials: TrackingCredentials = {};
  const errors: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (name !== 'kuaidi100' && name !== 'kdniao') {
      errors.push(`trackingCredentials${step(name, false)}: unknown provider`);
      continue;
    }
    const check = checkProviderCredentials(name, value);
    if (check.ok) (credentials as Record<CredentialProvider, unknown>)[name] = check.credentials;
    else errors.push(...check.errors);
  }
  return { credentials, errors };
}

/** The valid credentials stored; a provider whose stored part is broken is absent (the options page shows why). */
export async function loadTrackingCredentials(): Promise<TrackingCredentials> {
  return parseTrackingCredentials(await trackingCredentialsItem.getValue()).credentials;
}

/** Replaces one provider's credentials when they validate completely; the other provider's stay as they were. */
export async function saveProviderCredentials<P extends CredentialProvider>(
  provider: P,
  candidate: unknown,
): Promise<{ ok: true } | { ok: false; errors: string[] }> {
  const check = checkProviderCredentials(provider, candidate);
  if (!check.ok) return check;
  const { credentials } = parseTrackingCredentials(await trackingCredentialsItem.getValue());
  await trackingCredentialsItem.setValue({ ...credentials, [provider]: check.credentials });
  return { ok: true };
}
