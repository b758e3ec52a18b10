import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings, type KeyValueArea } from '../../../lib/settings/settings';

function memoryArea(initial: Record<string, unknown> = {}): KeyValueArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    async get(key) {
      return key in data ? { [key]: data[key] } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('parseSettings', () => {
  test('nothing stored means defaults and no errors', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, policy: DEFAULT_POLICY, errors: [] });
  });

  test('applies valid overrides and switches', () => {
    const parsed = parseSettings({ policyOverrides: { shipByWarnHours: 6 }, badgeKinds: { auto_confirm_at: false }, retentionDays: 30, language: 'en' });
    expect(parsed.errors).toEqual([]);
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
    expect(parsed.errors).toHaveLength(5);
    expect(parsed.errors.join('\n')).toMatch(/shipByWarnHours[\s\S]*ship_by[\s\S]*made_up_kind[\s\S]*retentionDays[\s\S]*language/);
  });

  test('garbage in storage gives defaults with a message', () => {
    const parsed = parseSettings('corrupted');
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed.errors).toEqual(['settings: not an object; defaults used']);
  });
});

describe('settings in storage', () => {
  test('saving a valid candidate stores it and loading gives it back', async () => {
    const area = memoryArea();
    const candidate = { ...DEFAULT_SETTINGS, retentionDays: 90 };
    expect(await saveSettings(area, candidate)).toEqual({ ok: true, errors: [] });
    expect((await loadSettings(area)).settings.retentionDays).toBe(90);
  });

  test('an invalid candidate is refused and what was stored stays', async () => {
    const area = memoryArea();
    await saveSettings(area, { ...DEFAULT_SETTINGS, retentionDays: 60 });
    const result = await saveSettings(area, { ...DEFAULT_SETTINGS, retentionDays: -1 });
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/retentionDays/);
    expect((await loadSettings(area)).settings.retentionDays).toBe(60);
  });
});
