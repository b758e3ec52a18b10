import { describe, expect, test } from 'vitest';
import { candidateOf, formOf, leadHoursText, parseLeadHoursText, QUIET_HOURS_SUGGESTED } from '../../../lib/settings/notification-form';
import { DEFAULT_NOTIFICATION_SETTINGS, parseNotificationSettings } from '../../../lib/settings/notification-settings';
import { logs } from './problem-logs';

describe('lead-time text', () => {
  test('numbers separated by commas (Chinese ones too), 、 or spaces; empty is none', () => {
    expect(parseLeadHoursText('4, 1')).toEqual({ hours: [4, 1] });
    expect(parseLeadHoursText('4，1、0.5')).toEqual({ hours: [4, 1, 0.5] });
    expect(parseLeadHoursText(' 2  .25 ')).toEqual({ hours: [2, 0.25] });
    expect(parseLeadHoursText('')).toEqual({ hours: [] });
    expect(parseLeadHoursText(' , ')).toEqual({ hours: [] });
  });

  test('the first piece that is no plain decimal is named (no hex, exponent, sign or unit slips through as a number)', () => {
    for (const [text, bad] of [['4, abc', 'abc'], ['0x10', '0x10'], ['1e1', '1e1'], ['-1', '-1'], ['4h', '4h'], ['1..2', '1..2']] as const) {
      expect(parseLeadHoursText(text), text).toEqual({ bad });
    }
  });

  test('what the form shows is what it reads back', () => {
    expect(leadHoursText([8, 2])).toBe('8, 2');
    expect(parseLeadHoursText(leadHoursText([72, 0.25]))).toEqual({ hours: [72, 0.25] });
  });
});

describe('form ⇄ settings', () => {
  test('the defaults make a form that saves as the defaults', () => {
    const form = formOf(DEFAULT_NOTIFICATION_SETTINGS);
    expect(form.leadText).toEqual({ ship_by: '4, 1', pickup_by: '8, 2', after_sale_reply_by: '6, 1' });
    expect(form.quiet).toBe(false);
    expect([form.quietStart, form.quietEnd]).toEqual([QUIET_HOURS_SUGGESTED.start, QUIET_HOURS_SUGGESTED.end]);
    const candidate = candidateOf(form);
    expect(candidate).toEqual({ ok: true, notifications: DEFAULT_NOTIFICATION_SETTINGS });
  });

  test('edits arrive as settings; quiet hours switched off are null whatever the time fields hold', () => {
    const form = { ...formOf(DEFAULT_NOTIFICATION_SETTINGS), leadText: { ship_by: '0.5', pickup_by: '', after_sale_reply_by: '6, 1' }, quiet: true, quietStart: '21:00', quietEnd: '07:30' };
    const candidate = candidateOf(form);
    expect(candidate.ok && candidate.notifications).toMatchObject({
      leadHours: { ship_by: [0.5], pickup_by: [], after_sale_reply_by: [6, 1] },
      quietHours: { start: '21:00', end: '07:30' },
    });
    const off = candidateOf({ ...form, quiet: false });
    expect(off.ok && off.notifications.quietHours).toBeNull();
  });

  test('text that is no number is told per clock kind; numbers out of range are left for the settings check to name', () => {
    const form = formOf(DEFAULT_NOTIFICATION_SETTINGS);
    expect(candidateOf({ ...form, leadText: { ...form.leadText, ship_by: '4, x', after_sale_reply_by: '半小时' } })).toEqual({
      ok: false,
      notNumbers: [
        { kind: 'ship_by', text: 'x' },
        { kind: 'after_sale_reply_by', text: '半小时' },
      ],
    });
    const tooLong = candidateOf({ ...form, leadText: { ...form.leadText, ship_by: '100' } });
    expect(tooLong.ok).toBe(true);
    if (tooLong.ok) expect(logs(parseNotificationSettings(tooLong.notifications).errors)).toEqual(['notifications.leadHours.ship_by[0]: expected hours from 0.25 to 72, got 100']);
  });
});
