// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useSettings } from '@/components/settings-store';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { settingsItem } from '@/lib/settings/settings-item';
import { logs } from '../settings/problem-logs';
import { freshSettingsStore } from './fixtures';

const stored = () => settingsItem.getValue();

beforeEach(async () => {
  await freshSettingsStore();
});
afterEach(() => vi.restoreAllMocks());

describe('the settings store', () => {
  test('loads the defaults when nothing is stored, and names the problems of what is', async () => {
    await useSettings.getState().load();
    expect(useSettings.getState()).toMatchObject({ loaded: true, settings: DEFAULT_SETTINGS, storedErrors: [], readFailure: null });

    await settingsItem.setValue({ retentionDays: 2, language: 'en' });
    await useSettings.getState().load();
    expect(useSettings.getState()).toMatchObject({ lang: 'en', settings: { retentionDays: 180, language: 'en' } });
    expect(logs(useSettings.getState().storedErrors)).toEqual([expect.stringContaining('retentionDays')]);
  });

  test('a part saved alone keeps every other saved part; a refused part stores nothing', async () => {
    await useSettings.getState().load();
    expect(await useSettings.getState().savePart({ retentionDays: 30 })).toEqual([]);
    expect(await useSettings.getState().savePart({ policyOverrides: { shipByWarnHours: 24 } })).toEqual([]);
    expect(await stored()).toMatchObject({ retentionDays: 30, policyOverrides: { shipByWarnHours: 24 } });

    const refused = await useSettings.getState().savePart({ policyOverrides: { shipByCriticalHours: 30 } });
    expect(refused).toMatchObject([{ code: 'invalid', path: 'policyOverrides.shipByCriticalHours', value: '30' }]);
    expect(logs(refused)).toEqual([expect.stringMatching(/^policy\.shipByCriticalHours: 30 rejected/)]);
    expect(await stored()).toMatchObject({ policyOverrides: { shipByWarnHours: 24 } });
    expect(useSettings.getState().settings.policyOverrides).toEqual({ shipByWarnHours: 24 });
  });

  test('follows saves made in another context (the watch), language included', async () => {
    await useSettings.getState().load();
    await settingsItem.setValue({ language: 'en', policyOverrides: { pickupHours: 30 } });
    await vi.waitFor(() => expect(useSettings.getState()).toMatchObject({ lang: 'en', settings: { policyOverrides: { pickupHours: 30 } } }));
  });

  test('settings that cannot be read leave the defaults and say why', async () => {
    vi.spyOn(settingsItem, 'getValue').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await useSettings.getState().load();
    expect(useSettings.getState()).toMatchObject({ loaded: true, settings: DEFAULT_SETTINGS, readFailure: 'QUOTA_BYTES quota exceeded' });
  });
});
