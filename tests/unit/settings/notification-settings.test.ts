import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { NotificationSettings } from '../../../lib/notifications/types';
import { DEFAULT_NOTIFICATION_SETTINGS, LEAD_HOURS, parseNotificationSettings } from '../../../lib/settings/notification-settings';
import { checkSettingsCandidate, DEFAULT_SETTINGS, parseBadgeSettings, parseSettings } from '../../../lib/settings/settings';
import { loadBadgeSettings, loadSettings, saveSettings, settingsItem } from '../../../lib/settings/settings-item';
import { logs } from './problem-logs';

beforeEach(() => {
  fakeBrowser.reset();
});

const CUSTOM: NotificationSettings = {
  enabled: false,
  leadHours: { ship_by: [12, 2, 0.25], pickup_by: [], after_sale_reply_by: [72] },
  anomalies: { ...DEFAULT_NOTIFICATION_SETTINGS.anomalies, returning: false, timeout_auto_refund: false },
  quietHours: { start: '22:30', end: '07:45' },
  digest: false,
  sound: true,
};

describe('defaults', () => {
  test('are the issue’s: ship_by 4 h and 1 h, pickup_by 8 h and 2 h, after_sale_reply_by 6 h and 1 h, every anomaly, no quiet hours, digest on, silent', () => {
    expect(DEFAULT_NOTIFICATION_SETTINGS).toEqual({
      enabled: true,
      leadHours: { ship_by: [4, 1], pickup_by: [8, 2], after_sale_reply_by: [6, 1] },
      anomalies: { rejected: true, returning: true, intercept_parcel: true, duplicate_tracking: true, tracking_invalid: true, timeout_auto_refund: true },
      quietHours: null,
      digest: true,
      sound: false,
    });
    expect(DEFAULT_SETTINGS.notifications).toBe(DEFAULT_NOTIFICATION_SETTINGS);
    // Readings without a stored list hand these out: nobody can change the defaults through one.
    for (const hours of Object.values(DEFAULT_NOTIFICATION_SETTINGS.leadHours)) expect(Object.isFrozen(hours)).toBe(true);
  });

  test('settings saved before notifications existed read as the defaults, without an error', () => {
    const parsed = parseSettings({ retentionDays: 90, tracking: { service: 'demo' } });
    expect(logs(parsed.errors)).toEqual([]);
    expect(parsed.settings.notifications).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
  });

  test('a part given alone keeps the defaults of the rest (a kind missing from leadHours keeps its own)', () => {
    const parsed = parseSettings({ notifications: { leadHours: { ship_by: [2] }, sound: true } });
    expect(logs(parsed.errors)).toEqual([]);
    expect(parsed.settings.notifications).toEqual({ ...DEFAULT_NOTIFICATION_SETTINGS, leadHours: { ship_by: [2], pickup_by: [8, 2], after_sale_reply_by: [6, 1] }, sound: true });
  });
});

describe('valid values', () => {
  test('are read exactly, and the whole settings with them can be saved', () => {
    expect(parseNotificationSettings(CUSTOM)).toEqual({ notifications: CUSTOM, errors: [] });
    const check = checkSettingsCandidate({ ...DEFAULT_SETTINGS, notifications: CUSTOM });
    expect(check.ok && check.stored.notifications).toEqual(CUSTOM);
  });

  test('lead times come back largest first, as the planner expects', () => {
    expect(parseNotificationSettings({ leadHours: { ship_by: [1, 4, 2.5] } }).notifications.leadHours.ship_by).toEqual([4, 2.5, 1]);
  });

  test('the range ends are allowed: a quarter of an hour and 72 hours; an empty list means no reminder for that clock', () => {
    const { notifications, errors } = parseNotificationSettings({ leadHours: { ship_by: [LEAD_HOURS.min, LEAD_HOURS.max], pickup_by: [] } });
    expect(logs(errors)).toEqual([]);
    expect(notifications.leadHours.ship_by).toEqual([72, 0.25]);
    expect(notifications.leadHours.pickup_by).toEqual([]);
  });

  test('quiet hours may cross midnight or not; null switches them off', () => {
    expect(parseNotificationSettings({ quietHours: { start: '00:00', end: '23:59' } }).notifications.quietHours).toEqual({ start: '00:00', end: '23:59' });
    expect(logs(parseNotificationSettings({ quietHours: { start: '23:00', end: '06:00' } }).errors)).toEqual([]);
    expect(parseNotificationSettings({ quietHours: null }).notifications.quietHours).toBeNull();
  });
});

describe('bad values: each named, its default kept, the good rest read', () => {
  test('lead hours out of range, not numbers, or too many: that kind keeps its default', () => {
    const { notifications, errors } = parseNotificationSettings({
      leadHours: { ship_by: [0.2, 3], pickup_by: [72.5], after_sale_reply_by: [6, 3, 2, 1] },
      digest: false,
    });
    expect(logs(errors)).toEqual([
      'notifications.leadHours.ship_by[0]: expected hours from 0.25 to 72, got 0.2',
      'notifications.leadHours.pickup_by[0]: expected hours from 0.25 to 72, got 72.5',
      'notifications.leadHours.after_sale_reply_by: expected at most 3 lead times, got 4',
    ]);
    expect(errors.map(({ code, path, max }) => [code, path, max])).toEqual([
      ['out_of_range', 'notifications.leadHours.ship_by[0]', 72],
      ['out_of_range', 'notifications.leadHours.pickup_by[0]', 72],
      ['too_many', 'notifications.leadHours.after_sale_reply_by', 3],
    ]);
    expect(notifications.leadHours).toEqual(DEFAULT_NOTIFICATION_SETTINGS.leadHours);
    expect(notifications.digest).toBe(false);
  });

  test('a lead time that is no finite number, a list that is no list, and the same hour twice are refused', () => {
    expect(logs(parseNotificationSettings({ leadHours: { ship_by: ['4'] } }).errors)).toEqual(['notifications.leadHours.ship_by[0]: expected number, got "4"']);
    expect(logs(parseNotificationSettings({ leadHours: { ship_by: [Number.NaN] } }).errors)).toEqual(['notifications.leadHours.ship_by[0]: expected number, got NaN']);
    expect(logs(parseNotificationSettings({ leadHours: { ship_by: [Number.POSITIVE_INFINITY] } }).errors)).toHaveLength(1);
    expect(logs(parseNotificationSettings({ leadHours: { ship_by: 4 } }).errors)).toEqual(['notifications.leadHours.ship_by: expected a list of hours, got 4']);
    const twice = parseNotificationSettings({ leadHours: { ship_by: [1, 1] } }).errors;
    expect(logs(twice)).toEqual(['notifications.leadHours.ship_by[1]: expected a lead time not given twice, got 1 again']);
    expect(twice).toMatchObject([{ code: 'repeated', path: 'notifications.leadHours.ship_by[1]', value: '1' }]);
  });

  test('quiet hours must be HH:MM, two digits each, from 00:00 to 23:59, and end other than they start', () => {
    for (const bad of ['24:00', '7:00', '07:60', '0700', '07:00:00', ' 07:00']) {
      const { notifications, errors } = parseNotificationSettings({ quietHours: { start: bad, end: '08:00' } });
      expect(logs(errors), bad).toEqual([`notifications.quietHours.start: expected HH:MM from 00:00 to 23:59, got ${JSON.stringify(bad)}`]);
      expect(notifications.quietHours).toBeNull();
    }
    expect(logs(parseNotificationSettings({ quietHours: { start: '22:00' } }).errors)).toEqual(['notifications.quietHours.end: expected string, got undefined']);
    expect(logs(parseNotificationSettings({ quietHours: { start: '22:00', end: '22:00' } }).errors)).toEqual([
      'notifications.quietHours: expected an end other than the start, got 22:00 to 22:00',
    ]);
    expect(logs(parseNotificationSettings({ quietHours: '22:00-08:00' }).errors)).toEqual([
      'notifications.quietHours: expected an object of start and end times, or null, got "22:00-08:00"',
    ]);
  });

  test('switches must be true or false', () => {
    const { notifications, errors } = parseNotificationSettings({ enabled: 'yes', sound: 1, anomalies: { rejected: 'no', returning: false } });
    expect(logs(errors)).toEqual([
      'notifications.enabled: expected boolean, got "yes"',
      'notifications.anomalies.rejected: expected boolean, got "no"',
      'notifications.sound: expected boolean, got 1',
    ]);
    expect(notifications.enabled).toBe(true);
    expect(notifications.sound).toBe(false);
    expect(notifications.anomalies.rejected).toBe(true);
    expect(notifications.anomalies.returning).toBe(false);
  });

  test('a notifications part that is no object gives the defaults with its message', () => {
    const parsed = parseSettings({ notifications: [4, 1] });
    expect(logs(parsed.errors)).toEqual(['notifications: expected an object of notification settings, got a list']);
    expect(parsed.settings.notifications).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(logs(parseSettings({ notifications: null }).errors)).toEqual(['notifications: expected an object of notification settings, got null']);
  });
});

describe('unknown keys are refused by name, at every level', () => {
  test('in notifications, leadHours, anomalies and quietHours; quoted when no plain name', () => {
    const { errors } = parseNotificationSettings({
      enable: true,
      leadHours: { ship_by: [4], shipBy: [3], stalled: [1] },
      anomalies: { rejected: true, stalled: true, 'bad\nkind': true },
      quietHours: { start: '22:00', end: '08:00', zone: 'UTC' },
    });
    expect(logs(errors)).toEqual([
      'notifications.enable: unknown setting',
      'notifications.leadHours.shipBy: unknown setting',
      'notifications.leadHours.stalled: unknown setting',
      'notifications.anomalies.stalled: unknown setting',
      'notifications.anomalies["bad\\nkind"]: unknown setting',
      'notifications.quietHours.zone: unknown setting',
    ]);
    for (const error of errors) expect(error).not.toContain('\n');
  });

  test('a candidate with one is not saved', async () => {
    const result = await saveSettings({ ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_NOTIFICATION_SETTINGS, leadHour: { ship_by: [2] } } });
    expect(result).toEqual({ ok: false, errors: [{ code: 'unknown_setting', path: 'notifications.leadHour', log: 'notifications.leadHour: unknown setting' }] });
    expect(await settingsItem.getValue()).toBeNull();
  });
});

describe('storage', () => {
  test('saved notification settings are read back as saved', async () => {
    expect((await saveSettings({ ...DEFAULT_SETTINGS, notifications: CUSTOM })).ok).toBe(true);
    expect((await loadSettings()).settings.notifications).toEqual(CUSTOM);
  });

  test('a bad value in storage is named on reading and its default used, the other parts kept', async () => {
    await settingsItem.setValue({ retentionDays: 30, notifications: { ...CUSTOM, leadHours: { ...CUSTOM.leadHours, ship_by: [100] } } });
    const parsed = await loadSettings();
    expect(logs(parsed.errors)).toEqual(['notifications.leadHours.ship_by[0]: expected hours from 0.25 to 72, got 100']);
    expect(parsed.settings.notifications).toEqual({ ...CUSTOM, leadHours: { ...CUSTOM.leadHours, ship_by: [4, 1] } });
    expect(parsed.settings.retentionDays).toBe(30);
  });
});

describe('the console page’s part (parseBadgeSettings)', () => {
  test('reads the badge switches and the language exactly as parseSettings does, whatever else is stored', () => {
    const inputs: unknown[] = [
      undefined,
      null,
      'corrupted',
      { badgeKinds: { stalled: false, made_up: true, ship_by: 'no' }, language: 'en', notifications: { leadHours: { ship_by: [999] } } },
      { language: 'fr', tracking: 'bad', policyOverrides: { shipByWarnHours: -1 } },
      { badgeKinds: [], language: 'zh' },
    ];
    for (const raw of inputs) {
      const { settings } = parseSettings(raw);
      expect(parseBadgeSettings(raw), JSON.stringify(raw)).toEqual({ badgeKinds: settings.badgeKinds, language: settings.language });
    }
  });

  test('loadBadgeSettings reads what was saved', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, language: 'en', badgeKinds: { ...DEFAULT_SETTINGS.badgeKinds, stalled: false } });
    const shown = await loadBadgeSettings();
    expect(shown.language).toBe('en');
    expect(shown.badgeKinds.stalled).toBe(false);
    expect(shown.badgeKinds.ship_by).toBe(true);
  });
});
