import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  checkProviderCredentials,
  loadTrackingCredentials,
  parseTrackingCredentials,
  saveProviderCredentials,
} from '../../../lib/settings/tracking-credentials';
import { loadSettings } from '../../../lib/settings/settings-item';

// Synthetic accounts: the shapes of real ones (32 hex customer, UUID-like key), values made up.
const KUAIDI100 = { customer: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', key: 'synthKey0123' };
const KDNIAO = { businessId: '1300001', apiKey: '5e1d6f0a-0000-4000-8000-00000000abcd', requestType: '1002' } as const;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('checkProviderCredentials', () => {
  test('accepts each provider’s fields, Kdniao with either request type', () => {
    expect(checkProviderCredentials('kuaidi100', KUAIDI100)).toEqual({ ok: true, credentials: KUAIDI100 });
    expect(checkProviderCredentials('kdniao', { ...KDNIAO, requestType: '8001' })).toEqual({ ok: true, credentials: { ...KDNIAO, requestType: '8001' } });
  });

  test('names each bad field by its label on the page and never quotes the value', () => {
    const secret = 'sekrit key\n';
    const check = checkProviderCredentials('kuaidi100', { customer: '', key: secret, extra: 'x' });
    expect(check).toEqual({
      ok: false,
      errors: ['快递100 customer: 1–128 printable ASCII characters, no spaces', '快递100 授权key: 1–128 printable ASCII characters, no spaces', 'kuaidi100.extra: unknown field'],
    });
    expect(JSON.stringify(check)).not.toContain('sekrit');
    const kdniao = checkProviderCredentials('kdniao', { businessId: '１３００', requestType: '9999' });
    expect(kdniao).toEqual({
      ok: false,
      errors: ['快递鸟 EBusinessID: 1–128 printable ASCII characters, no spaces', '快递鸟 ApiKey: missing', '快递鸟 RequestType: expected 1002 or 8001'],
    });
    expect(JSON.stringify(kdniao)).not.toContain('１３００');
    expect(checkProviderCredentials('kuaidi100', 'customer:key')).toMatchObject({ ok: false });
    expect(checkProviderCredentials('kuaidi100', { customer: 'x'.repeat(129), key: 'k' })).toMatchObject({ ok: false });
  });
});

describe('parseTrackingCredentials', () => {
  test('keeps each valid provider part, drops and names a broken or unknown one, quoting no value', () => {
    const parsed = parseTrackingCredentials({ kuaidi100: KUAIDI100, kdniao: { ...KDNIAO, apiKey: 'has space' }, track17: { token: 'tok-secret' } });
    expect(parsed.credentials).toEqual({ kuaidi100: KUAIDI100 });
    expect(parsed.errors).toEqual(['快递鸟 ApiKey: 1–128 printable ASCII characters, no spaces', 'trackingCredentials.track17: unknown provider']);
    expect(parsed.errors.join()).not.toMatch(/has space|tok-secret/);
  });

  test('nothing stored is no account; garbage is no account with a message', () => {
    expect(parseTrackingCredentials(undefined)).toEqual({ credentials: {}, errors: [] });
    expect(parseTrackingCredentials(['kuaidi100'])).toEqual({ credentials: {}, errors: ['trackingCredentials: not an object; none used'] });
  });
});

describe('the credentials storage item', () => {
  test('saving one provider keeps the other; loading gives both back', async () => {
    expect(await saveProviderCredentials('kuaidi100', KUAIDI100)).toEqual({ ok: true });
    expect(await saveProviderCredentials('kdniao', KDNIAO)).toEqual({ ok: true });
    expect(await saveProviderCredentials('kuaidi100', { ...KUAIDI100, key: 'newKey' })).toEqual({ ok: true });
    expect(await loadTrackingCredentials()).toEqual({ kuaidi100: { ...KUAIDI100, key: 'newKey' }, kdniao: KDNIAO });
  });

  test('lives in storage.local under its own key, never inside the settings', async () => {
    await saveProviderCredentials('kuaidi100', KUAIDI100);
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local)).toEqual(['trackingCredentials']);
    expect(local.trackingCredentials).toEqual({ kuaidi100: KUAIDI100 });
    expect(JSON.stringify(await loadSettings())).not.toContain(KUAIDI100.key);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  test('an invalid candidate is refused and what was stored stays', async () => {
    await saveProviderCredentials('kdniao', KDNIAO);
    const result = await saveProviderCredentials('kdniao', { ...KDNIAO, businessId: '' });
    expect(result).toEqual({ ok: false, errors: ['快递鸟 EBusinessID: 1–128 printable ASCII characters, no spaces'] });
    expect(await loadTrackingCredentials()).toEqual({ kdniao: KDNIAO });
  });

  test('a broken stored part is left out of what the poller loads', async () => {
    await fakeBrowser.storage.local.set({ trackingCredentials: { kuaidi100: { customer: 'C' }, kdniao: KDNIAO } });
    expect(await loadTrackingCredentials()).toEqual({ kdniao: KDNIAO });
  });
});
