// 测试连接, as the background answers it: the saved account of the chosen provider, its host permission, then
// one query through the provider's client (handed in as `check`). Every answer is plain words for the merchant,
// in both languages; none names a credential.
import { plainMessage } from '../i18n/messages';
import type { ConnectionTestReply } from '../messages/protocol';
import type { QueryProvider } from '../tracking/provider';
import { providerHost } from './provider-origins';
import type { CredentialProvider, TrackingCredentials } from './tracking-credentials';

const PROVIDER_LABEL_KEYS = { kuaidi100: 'serviceKuaidi100', kdniao: 'serviceKdniao' } as const;

export interface ConnectionTestDeps {
  credentials: TrackingCredentials;
  /** Whether the extension holds the provider's host permission (`permissions.contains`). */
  hostGranted: (provider: CredentialProvider) => Promise<boolean>;
  /** One query with these credentials (section A's `connectionCheck` with the background's transport and clock). */
  check: <P extends CredentialProvider>(provider: P, credentials: Required<TrackingCredentials>[P]) => Promise<ConnectionTestReply>;
}

export async function runConnectionTest(provider: QueryProvider, deps: ConnectionTestDeps): Promise<ConnectionTestReply> {
  if (provider === 'demo') return { ok: true, message: plainMessage('connectionDemo') };
  const named = (lang: 'zh' | 'en') => ({ provider: plainMessage(PROVIDER_LABEL_KEYS[provider])[lang], host: providerHost(provider) });
  const credentials = deps.credentials[provider];
  if (credentials === undefined) return { ok: false, message: plainMessage('connectionNoAccount', named) };
  // Without the permission the request would fail as a network error; say what is actually missing.
  if (!(await deps.hostGranted(provider))) return { ok: false, message: plainMessage('connectionNoPermission', named) };
  return deps.check(provider, credentials);
}
