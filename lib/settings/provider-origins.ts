// The host permission each account-backed provider needs: the manifest declares them as optional host
// permissions (wxt.config.ts), and the options page asks for one when the merchant saves that provider.
import type { CredentialProvider } from './tracking-credentials';

export const PROVIDER_ORIGINS: Readonly<Record<CredentialProvider, string>> = Object.freeze({
  kuaidi100: 'https://poll.kuaidi100.com/*',
  kdniao: 'https://api.kdniao.com/*',
});

/** `poll.kuaidi100.com`, for messages that name the host the merchant is asked about. */
export function providerHost(provider: CredentialProvider): string {
  return new URL(PROVIDER_ORIGINS[provider].replace('/*', '/')).host;
}
