// 测试连接 from the options page: the worker, which holds the host permission, sends the one query.
import { runConnectionTest } from '@/lib/settings/connection-test';
import { PROVIDER_ORIGINS } from '@/lib/settings/provider-origins';
import { loadTrackingCredentials } from '@/lib/settings/tracking-credentials';
import type { ConnectionTestReply } from '@/lib/messages/protocol';
import { connectionCheck } from '@/lib/tracking/connection-check';
import type { QueryProvider } from '@/lib/tracking/provider';
import { browser } from 'wxt/browser';
import { fetchTransport } from './fetch-transport';

export async function testTrackingConnection(provider: QueryProvider, now: number): Promise<ConnectionTestReply> {
  return runConnectionTest(provider, {
    credentials: await loadTrackingCredentials(),
    hostGranted: (name) => browser.permissions.contains({ origins: [PROVIDER_ORIGINS[name]] }),
    check: (name, credentials) => connectionCheck(name, credentials, fetchTransport, now),
  });
}
