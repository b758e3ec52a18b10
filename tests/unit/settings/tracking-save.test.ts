import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_TRACKING_SETTINGS } from '../../../lib/settings/settings';
import { saveCredentialsFromClick, saveTrackingFromClick } from '../../../lib/settings/tracking-save';
import { PROVIDER_ORIGINS, providerHost } from '../../../lib/settings/provider-origins';
import { COURIER_API_ORIGINS } from '../../../wxt.config';
import type { SettingsProblem } from '../../../lib/settings/settings-problem';

const KUAIDI100 = { customer: 'SYNTH-CUSTOMER', key: 'synth-key' };
const KDNIAO = { businessId: '1300001', apiKey: 'synth-api-key', requestType: '1002' } as const;

/** A permission request that answers `granted`, recording that it was called. */
const permission = (granted: boolean | Error) =>
  vi.fn((origins: string[]) => {
    void origins;
    return granted instanceof Error ? Promise.reject(granted) : Promise.resolve(granted);
  });

describe('provider origins', () => {
  test('are exactly the optional host permissions the manifest declares', () => {
    expect(Object.values(PROVIDER_ORIGINS).sort()).toEqual([...COURIER_API_ORIGINS].sort());
    expect(providerHost('kuaidi100')).toBe('poll.kuaidi100.com');
    expect(providerHost('kdniao')).toBe('api.kdniao.com');
  });
});

describe('saveCredentialsFromClick', () => {
  test('asks for the provider’s host before returning (inside the click), then saves', async () => {
    const requestOrigins = permission(true);
    const save = vi.fn(() => Promise.resolve({ ok: true as const }));
    const pending = saveCredentialsFromClick('kuaidi100', KUAIDI100, { requestOrigins, save });
    // Called synchronously: nothing was awaited before the request, so the click's user gesture still holds.
    expect(requestOrigins).toHaveBeenCalledWith(['https://poll.kuaidi100.com/*']);
    expect(save).not.toHaveBeenCalled();
    expect(await pending).toEqual({ status: 'saved' });
    expect(save).toHaveBeenCalledWith('kuaidi100', KUAIDI100);
  });

  test('refused: nothing is saved and the answer names the host', async () => {
    const save = vi.fn(() => Promise.resolve({ ok: true as const }));
    expect(await saveCredentialsFromClick('kdniao', KDNIAO, { requestOrigins: permission(false), save })).toEqual({ status: 'refused', host: 'api.kdniao.com' });
    expect(save).not.toHaveBeenCalled();
  });

  test('a failing prompt counts as refused', async () => {
    const save = vi.fn(() => Promise.resolve({ ok: true as const }));
    const outcome = await saveCredentialsFromClick('kdniao', KDNIAO, { requestOrigins: permission(new Error('no gesture')), save });
    expect(outcome).toEqual({ status: 'refused', host: 'api.kdniao.com' });
    expect(save).not.toHaveBeenCalled();
  });

  test('invalid fields: no permission asked, nothing saved, the fields named', async () => {
    const requestOrigins = permission(true);
    const save = vi.fn(() => Promise.resolve({ ok: true as const }));
    expect(await saveCredentialsFromClick('kuaidi100', { customer: 'C', key: '' }, { requestOrigins, save })).toEqual({
      status: 'invalid',
      errors: ['快递100 授权key: 1–128 printable ASCII characters, no spaces'],
    });
    expect(requestOrigins).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
  });
});

describe('saveTrackingFromClick', () => {
  const kuaidi100Service = { ...DEFAULT_TRACKING_SETTINGS, service: 'kuaidi100' as const };

  test('a provider with its account saved: its host asked from the click, then the settings saved', async () => {
    const requestOrigins = permission(true);
    const save = vi.fn(() => Promise.resolve([]));
    const pending = saveTrackingFromClick(kuaidi100Service, { kuaidi100: KUAIDI100 }, { requestOrigins, save });
    expect(requestOrigins).toHaveBeenCalledWith(['https://poll.kuaidi100.com/*']);
    expect(await pending).toEqual({ status: 'saved' });
    expect(save).toHaveBeenCalledWith(kuaidi100Service);
  });

  test('refused: the service is not switched', async () => {
    const save = vi.fn(() => Promise.resolve([]));
    expect(await saveTrackingFromClick(kuaidi100Service, { kuaidi100: KUAIDI100 }, { requestOrigins: permission(false), save })).toEqual({
      status: 'refused',
      host: 'poll.kuaidi100.com',
    });
    expect(save).not.toHaveBeenCalled();
  });

  test('a provider without its account is not chosen, and no permission is asked', async () => {
    const requestOrigins = permission(true);
    const save = vi.fn(() => Promise.resolve([]));
    expect(await saveTrackingFromClick({ ...kuaidi100Service, service: 'kdniao' }, { kuaidi100: KUAIDI100 }, { requestOrigins, save })).toEqual({
      status: 'needs_account',
      provider: 'kdniao',
    });
    expect(requestOrigins).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
  });

  test.each(['demo', 'console_only'] as const)('%s needs no account and no host', async (service) => {
    const requestOrigins = permission(false);
    const save = vi.fn(() => Promise.resolve([]));
    expect(await saveTrackingFromClick({ ...DEFAULT_TRACKING_SETTINGS, service }, {}, { requestOrigins, save })).toEqual({ status: 'saved' });
    expect(requestOrigins).not.toHaveBeenCalled();
  });

  test('bad values are named and nothing is asked or saved', async () => {
    const requestOrigins = permission(true);
    const save = vi.fn(() => Promise.resolve([]));
    expect(await saveTrackingFromClick({ ...kuaidi100Service, senderPhoneTail: '12' }, { kuaidi100: KUAIDI100 }, { requestOrigins, save })).toEqual({
      status: 'settings_invalid',
      problems: [{ code: 'invalid', path: 'tracking.senderPhoneTail', value: '"12"', log: 'tracking.senderPhoneTail: expected four digits, got "12"' }],
    });
    expect(requestOrigins).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
  });

  test('a refusal by the settings store is passed on', async () => {
    const refused: SettingsProblem = { code: 'unknown_setting', path: 'tracking.colour', log: 'tracking.colour: unknown setting' };
    const save = vi.fn(() => Promise.resolve([refused]));
    expect(await saveTrackingFromClick(kuaidi100Service, { kuaidi100: KUAIDI100 }, { requestOrigins: permission(true), save })).toEqual({
      status: 'settings_invalid',
      problems: [refused],
    });
  });
});
