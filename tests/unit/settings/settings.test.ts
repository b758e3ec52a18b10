import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import {
  DAILY_BUDGET,
  DEFAULT_SETTINGS,
  DEFAULT_TRACKING_SETTINGS,
  checkSettingsCandidate,
  migrateSettingsToV2,
  parseSettings,
  RETENTION_DAYS,
  SETTINGS_VERSION,
} from '../../../lib/settings/settings';
import { loadSettings, saveSettings, settingsItem, watchSettings } from '../../../lib/settings/settings-item';
import { logs } from './problem-logs';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('parseSettings', () => {
  test('nothing stored means defaults and no errors', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, policy: DEFAULT_POLICY, errors: [] });
  });

  test('applies valid overrides and switches', () => {
    const parsed = parseSettings({ policyOverrides: { shipByWarnHours: 6 }, badgeKinds: { auto_confirm_at: false }, retentionDays: 30, language: 'en' });
    expect(logs(parsed.errors)).toEqual([]);
    expect(parsed.policy.shipByWarnHours).toBe(6);
    expect(parsed.settings.policyOverrides).toEqual({ shipByWarnHours: 6 });
    expect(parsed.settings.badgeKinds.auto_confirm_at).toBe(false);
    expect(parsed.settings.badgeKinds.ship_by).toBe(true);
    expect(parsed.settings.retentionDays).toBe(30);
    expect(parsed.settings.language).toBe('en');
  });

  test('reports each bad value, keeps its default and keeps the good rest', () => {
    const parsed = parseSettings({
      policyOverrides: { shipByWarnHours: 'six', pickupWarnHours: 10 },
      badgeKinds: { ship_by: 'no', made_up_kind: true, stalled: false },
      retentionDays: 2,
      language: 'fr',
    });
    expect(parsed.policy.shipByWarnHours).toBe(DEFAULT_POLICY.shipByWarnHours);
    expect(parsed.policy.pickupWarnHours).toBe(10);
    expect(parsed.settings.policyOverrides).toEqual({ pickupWarnHours: 10 });
    expect(parsed.settings.badgeKinds.ship_by).toBe(true);
    expect(parsed.settings.badgeKinds.stalled).toBe(false);
    expect(parsed.settings.retentionDays).toBe(180);
    expect(parsed.settings.language).toBe('auto');
    expect(logs(parsed.errors)).toHaveLength(5);
    expect(logs(parsed.errors).join('\n')).toMatch(/shipByWarnHours[\s\S]*ship_by[\s\S]*made_up_kind[\s\S]*retentionDays[\s\S]*language/);
  });

  test('each problem is a code, the setting\'s path and the value or bounds, for the options page to word', () => {
    const codes = (raw: unknown) => parseSettings(raw).errors.map(({ log: _log, ...problem }) => problem);
    expect(codes('corrupted')).toEqual([{ code: 'not_object', path: 'settings', value: '"corrupted"' }]);
    expect(codes({ retentionDay: 30, tracking: { colour: 1 } })).toEqual([
      { code: 'unknown_setting', path: 'retentionDay' },
      { code: 'unknown_setting', path: 'tracking.colour' },
    ]);
    expect(codes({ retentionDays: 2, tracking: { dailyBudget: 100_001 }, policyOverrides: { pickupHours: 0 } })).toEqual([
      { code: 'out_of_range', path: 'policyOverrides.pickupHours', value: '0', min: 1, max: 720 },
      { code: 'out_of_range', path: 'retentionDays', value: '2', min: RETENTION_DAYS.min, max: RETENTION_DAYS.max },
      { code: 'out_of_range', path: 'tracking.dailyBudget', value: '100001', min: DAILY_BUDGET.min, max: DAILY_BUDGET.max },
    ]);
    // Within the bounds but not whole, or not a number at all: invalid, not "out of range".
    expect(codes({ retentionDays: 30.5, language: 'fr', badgeKinds: { ship_by: 0 } })).toEqual([
      { code: 'invalid', path: 'badgeKinds.ship_by', value: '0' },
      { code: 'invalid', path: 'retentionDays', value: '30.5' },
      { code: 'invalid', path: 'language', value: '"fr"' },
    ]);
    expect(checkSettingsCandidate(null)).toMatchObject({ ok: false, errors: [{ code: 'nothing_to_save', path: 'settings' }] });
  });

  test('garbage in storage gives defaults with a message', () => {
    const parsed = parseSettings('corrupted');
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(logs(parsed.errors)).toEqual(['settings: not an object; defaults used']);
  });

  test('an unknown key is reported by name, quoted when it is no plain name, and the valid rest is kept', () => {
    const parsed = parseSettings({ retentionDay: 30, 'bad\nkey': 1, language: 'en' });
    expect(logs(parsed.errors)).toEqual(['retentionDay: unknown setting', '["bad\\nkey"]: unknown setting']);
    expect(parsed.settings.language).toBe('en');
    expect(parsed.settings.retentionDays).toBe(180);
  });

  test('messages name the field and quote what arrived as JSON would, never with its raw newlines', () => {
    const parsed = parseSettings({ language: 'zh\n<b>', retentionDays: '30', badgeKinds: { 'ship_by\n': true } });
    expect(logs(parsed.errors)).toEqual([
      'badgeKinds["ship_by\\n"]: expected a badge kind, got "ship_by\\n"',
      'retentionDays: expected number, got "30"',
      'language: expected ("auto" | "zh" | "en"), got "zh\\n<b>"',
    ]);
    for (const error of logs(parsed.errors)) expect(error).not.toContain('\n');
  });
});

describe('tracking settings', () => {
  test('absent (settings saved before tracking existed): 仅读取后台物流, no sender tail, 500 a day, and no error', () => {
    const parsed = parseSettings({ retentionDays: 90 });
    expect(logs(parsed.errors)).toEqual([]);
    expect(parsed.settings.tracking).toEqual({ service: 'console_only', senderPhoneTail: null, dailyBudget: 500 });
  });

  test('valid values are read; a missing field keeps its default', () => {
    expect(parseSettings({ tracking: { service: 'kuaidi100', senderPhoneTail: '0427' } }).settings.tracking).toEqual({
      service: 'kuaidi100',
      senderPhoneTail: '0427',
      dailyBudget: 500,
    });
    expect(parseSettings({ tracking: { service: 'demo', senderPhoneTail: null, dailyBudget: 10 } }).settings.tracking).toEqual({
      service: 'demo',
      senderPhoneTail: null,
      dailyBudget: 10,
    });
  });

  test('each bad value is named, its default kept, the good rest read', () => {
    const parsed = parseSettings({ tracking: { service: '17track', senderPhoneTail: '12345', dailyBudget: 100_001 } });
    expect(parsed.settings.tracking).toEqual(DEFAULT_TRACKING_SETTINGS);
    expect(logs(parsed.errors)).toEqual([
      'tracking.service: expected ("kuaidi100" | "kdniao" | "demo" | "console_only"), got "17track"',
      'tracking.senderPhoneTail: expected four digits, got "12345"',
      'tracking.dailyBudget: expected whole queries from 10 to 100000, got 100001',
    ]);
    expect(logs(parseSettings({ tracking: { senderPhoneTail: '12a4', dailyBudget: 9.5, service: 'kdniao' } }).errors)).toEqual([
      'tracking.senderPhoneTail: expected four digits, got "12a4"',
      'tracking.dailyBudget: expected whole queries from 10 to 100000, got 9.5',
    ]);
    expect(logs(parseSettings({ tracking: { dailyBudget: 9 } }).errors)).toHaveLength(1);
    expect(logs(parseSettings({ tracking: { dailyBudget: 100_000 } }).errors)).toEqual([]);
  });

  test('an unknown key inside tracking is refused by name, and so is a tracking part that is no object', () => {
    expect(checkSettingsCandidate({ ...DEFAULT_SETTINGS, tracking: { ...DEFAULT_TRACKING_SETTINGS, dailybudget: 50 } })).toEqual({
      ok: false,
      errors: [{ code: 'unknown_setting', path: 'tracking.dailybudget', log: 'tracking.dailybudget: unknown setting' }],
    });
    const parsed = parseSettings({ tracking: 'kuaidi100' });
    expect(logs(parsed.errors)).toEqual(['tracking: expected an object of tracking settings, got "kuaidi100"']);
    expect(parsed.settings.tracking).toEqual(DEFAULT_TRACKING_SETTINGS);
  });

  test('a saved tracking part is stored whole and read back', async () => {
    const tracking = { service: 'kdniao', senderPhoneTail: '8899', dailyBudget: 2000 } as const;
    expect(await saveSettings({ ...DEFAULT_SETTINGS, tracking })).toMatchObject({ ok: true });
    expect(await fakeBrowser.storage.local.get('settings')).toMatchObject({ settings: { tracking } });
    expect((await loadSettings()).settings.tracking).toEqual(tracking);
  });
});

describe('checkSettingsCandidate', () => {
  test('a misspelt key is refused with a message naming it, never "saved" without it', () => {
    expect(checkSettingsCandidate({ retentionDay: 30 })).toEqual({ ok: false, errors: [{ code: 'unknown_setting', path: 'retentionDay', log: 'retentionDay: unknown setting' }] });
    expect(checkSettingsCandidate({ ...DEFAULT_SETTINGS, retentionDay: 30 })).toMatchObject({ ok: false, errors: [{ code: 'unknown_setting', path: 'retentionDay', log: 'retentionDay: unknown setting' }] });
  });

  test('stores only the switched-off kinds', () => {
    const check = checkSettingsCandidate({ ...DEFAULT_SETTINGS, badgeKinds: { ...DEFAULT_SETTINGS.badgeKinds, stalled: false } });
    expect(check).toMatchObject({ ok: true, stored: { badgeKinds: { stalled: false }, retentionDays: 180, language: 'auto', policyOverrides: {} } });
  });
});

// Frozen examples of what each version wrote: a migration must keep reading them.
const V1_STORED = {
  policyOverrides: { shipByWarnHours: 6 },
  badgeKinds: Object.fromEntries(Object.keys(DEFAULT_SETTINGS.badgeKinds).map((kind) => [kind, kind !== 'auto_confirm_at'])),
  retentionDays: 90,
  language: 'en',
};

describe('migrations', () => {
  test('version 1 → 2 keeps only the switched-off kinds; the settings read the same', () => {
    const migrated = migrateSettingsToV2(V1_STORED);
    expect(migrated).toEqual({ ...V1_STORED, badgeKinds: { auto_confirm_at: false } });
    expect(parseSettings(migrated)).toEqual(parseSettings(V1_STORED));
  });

  test('version 1 → 2 keeps a stale kind that was switched off, for the reader to report, and drops one that was on', () => {
    const migrated = migrateSettingsToV2({ ...V1_STORED, badgeKinds: { retired_kind: false, other_retired: true } });
    expect(migrated).toMatchObject({ badgeKinds: { retired_kind: false } });
    expect(logs(parseSettings(migrated).errors)).toEqual(['badgeKinds.retired_kind: expected a badge kind, got "retired_kind"']);
  });

  test.each([['corrupted'], [null], [{ badgeKinds: 'all' }], [[1, 2]]])('version 1 → 2 leaves %j as it was, without throwing', (stored) => {
    expect(migrateSettingsToV2(stored)).toEqual(stored);
  });

  test('is idempotent, so a version 2 value read as version 1 (its version lost) is unharmed', () => {
    const once = migrateSettingsToV2(V1_STORED);
    expect(migrateSettingsToV2(once)).toEqual(once);
  });
});

describe('the settings storage item', () => {
  test('finds the unversioned settings of before under the same key, migrates them and records the version', async () => {
    await fakeBrowser.storage.local.set({ settings: V1_STORED });
    await settingsItem.migrate();
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: { ...V1_STORED, badgeKinds: { auto_confirm_at: false } },
      settings$: { v: SETTINGS_VERSION },
    });
    const { settings, errors } = await loadSettings();
    expect(logs(errors)).toEqual([]);
    expect(settings).toMatchObject({ retentionDays: 90, language: 'en', policyOverrides: { shipByWarnHours: 6 } });
    expect(settings.badgeKinds.auto_confirm_at).toBe(false);
    expect(settings.badgeKinds.ship_by).toBe(true);
  });

  test('saving a valid candidate stores it and loading gives it back', async () => {
    const candidate = { ...DEFAULT_SETTINGS, retentionDays: 90 };
    expect(await saveSettings(candidate)).toMatchObject({ ok: true });
    expect((await loadSettings()).settings.retentionDays).toBe(90);
  });

  test('an invalid candidate is refused and what was stored stays', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, retentionDays: 60 });
    const result = await saveSettings({ ...DEFAULT_SETTINGS, retentionDays: -1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.log).toMatch(/retentionDays/);
    expect((await loadSettings()).settings.retentionDays).toBe(60);
  });

  test('a candidate with a misspelt key is refused by name and nothing is written', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, retentionDays: 60 });
    expect(await saveSettings({ retentionDay: 30 })).toEqual({ ok: false, errors: [{ code: 'unknown_setting', path: 'retentionDay', log: 'retentionDay: unknown setting' }] });
    expect((await loadSettings()).settings.retentionDays).toBe(60);
  });

  test('broken stored settings: each problem reported, defaults for those parts, the valid rest kept', async () => {
    await fakeBrowser.storage.local.set({ settings: { retentionDays: 'forever', language: 'zh', badgeKinds: { stalled: false, ship_by: 0 } } });
    const { settings, errors } = await loadSettings();
    expect(logs(errors)).toEqual(['badgeKinds.ship_by: expected boolean, got 0', 'retentionDays: expected number, got "forever"']);
    expect(settings).toMatchObject({ retentionDays: 180, language: 'zh' });
    expect(settings.badgeKinds).toMatchObject({ stalled: false, ship_by: true });
  });

  test('a save in any context reaches the watchers, parsed', async () => {
    const seen: number[] = [];
    const unwatch = watchSettings(({ settings }) => seen.push(settings.retentionDays));
    await saveSettings({ ...DEFAULT_SETTINGS, retentionDays: 45 });
    unwatch();
    await saveSettings({ ...DEFAULT_SETTINGS, retentionDays: 46 });
    expect(seen).toEqual([45]);
  });
});
