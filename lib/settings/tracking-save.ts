// What the options page's tracking save buttons do, with the browser handed in. A host permission may only be
// asked for from the merchant's click, before anything is awaited (Chrome and Firefox drop the user gesture at
// the first await), so each function validates synchronously, asks, and only then goes async. When the
// permission is refused nothing is saved and the service is not switched: a poller without the permission
// would only fail.
import { PROVIDER_ORIGINS, providerHost } from './provider-origins';
import { parseSettings, type TrackingSettings } from './settings';
import type { SettingsProblem } from './settings-problem';
import { checkProviderCredentials, type CredentialProvider, type TrackingCredentials } from './tracking-credentials';

export type ClickSaveOutcome =
  | { status: 'saved' }
  /** The account's fields were refused. */
  | { status: 'invalid'; errors: string[] }
  /** The tracking settings were refused. */
  | { status: 'settings_invalid'; problems: SettingsProblem[] }
  /** The host permission was refused (or the prompt failed): nothing was saved. */
  | { status: 'refused'; host: string }
  /** A provider was chosen as the service without its account saved. */
  | { status: 'needs_account'; provider: CredentialProvider };

/** `browser.permissions.request({ origins })`; must be called synchronously inside the click handler. */
export type RequestOrigins = (origins: string[]) => Promise<boolean>;

async function afterPermission(asked: Promise<boolean>, provider: CredentialProvider, save: () => Promise<ClickSaveOutcome>): Promise<ClickSaveOutcome> {
  const granted = await asked.catch(() => false);
  if (!granted) return { status: 'refused', host: providerHost(provider) };
  return save();
}

const settingsSaved = (problems: SettingsProblem[]): ClickSaveOutcome => (problems.length === 0 ? { status: 'saved' } : { status: 'settings_invalid', problems });

/** 保存快递100设置 / 保存快递鸟设置: checks the fields, asks for the provider's host, then stores the credentials. */
export function saveCredentialsFromClick(
  provider: CredentialProvider,
  candidate: unknown,
  deps: { requestOrigins: RequestOrigins; save: (provider: CredentialProvider, credentials: unknown) => Promise<{ ok: true } | { ok: false; errors: string[] }> },
): Promise<ClickSaveOutcome> {
  const check = checkProviderCredentials(provider, candidate);
  if (!check.ok) return Promise.resolve({ status: 'invalid', errors: check.errors });
  const asked = deps.requestOrigins([PROVIDER_ORIGINS[provider]]);
  return afterPermission(asked, provider, async () => {
    const saved = await deps.save(provider, check.credentials);
    return saved.ok ? { status: 'saved' } : { status: 'invalid', errors: saved.errors };
  });
}

/**
 * 保存查询设置: checks the tracking settings; choosing Kuaidi100 or Kdniao needs that account saved and its host
 * granted (asked again here, since the merchant may have withdrawn it in the browser since). The demo and the
 * console's own traces need neither.
 */
export function saveTrackingFromClick(
  tracking: TrackingSettings,
  credentials: TrackingCredentials,
  deps: { requestOrigins: RequestOrigins; save: (tracking: TrackingSettings) => Promise<SettingsProblem[]> },
): Promise<ClickSaveOutcome> {
  const { errors } = parseSettings({ tracking });
  if (errors.length > 0) return Promise.resolve({ status: 'settings_invalid', problems: errors });
  const { service } = tracking;
  if (service === 'demo' || service === 'console_only') {
    return deps.save(tracking).then(settingsSaved);
  }
  if (credentials[service] === undefined) return Promise.resolve({ status: 'needs_account', provider: service });
  const asked = deps.requestOrigins([PROVIDER_ORIGINS[service]]);
  return afterPermission(asked, service, () => deps.save(tracking).then(settingsSaved));
}
