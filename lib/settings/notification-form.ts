// The 通知 section's form, apart from React: lead times are typed as text ("4, 1"), quiet hours are a switch and
// two times. Converting to and from `NotificationSettings` is pure; validation stays `parseNotificationSettings`'s.
import type { LeadTimeKind, NotificationSettings, NotifyAnomalyKind } from '../notifications/types';
import { LEAD_TIME_KINDS } from './notification-settings';

export interface NotificationForm {
  enabled: boolean;
  /** Per clock kind, the hours as typed: numbers separated by commas (Chinese ones too) or spaces. */
  leadText: Record<LeadTimeKind, string>;
  anomalies: Record<NotifyAnomalyKind, boolean>;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  digest: boolean;
  sound: boolean;
}

/** What the time fields show before quiet hours are first switched on. */
export const QUIET_HOURS_SUGGESTED = { start: '22:00', end: '08:00' } as const;

/** `4, 1`: the lead times as the form shows them (largest first, as stored). */
export function leadHoursText(hours: readonly number[]): string {
  return hours.join(', ');
}

/** The typed numbers, in the order typed; `bad` is the first piece that is no number. An empty field is no lead time. */
export function parseLeadHoursText(text: string): { hours: number[] } | { bad: string } {
  const pieces = text.split(/[\s,，、;；]+/).filter((piece) => piece !== '');
  const hours: number[] = [];
  for (const piece of pieces) {
    // Number('') and Number('0x10') would pass for numbers: only plain decimals are hours.
    if (!/^\d+(\.\d+)?$|^\.\d+$/.test(piece)) return { bad: piece };
    hours.push(Number(piece));
  }
  return { hours };
}

export function formOf(settings: NotificationSettings): NotificationForm {
  return {
    enabled: settings.enabled,
    leadText: Object.fromEntries(LEAD_TIME_KINDS.map((kind) => [kind, leadHoursText(settings.leadHours[kind])])) as Record<LeadTimeKind, string>,
    anomalies: { ...settings.anomalies },
    quiet: settings.quietHours !== null,
    quietStart: settings.quietHours?.start ?? QUIET_HOURS_SUGGESTED.start,
    quietEnd: settings.quietHours?.end ?? QUIET_HOURS_SUGGESTED.end,
    digest: settings.digest,
    sound: settings.sound,
  };
}

/**
 * The settings the form asks to save, for `parseNotificationSettings` (through the settings' save) to judge; or
 * the clock kinds whose lead-time text holds something that is no number, with that piece.
 */
export function candidateOf(form: NotificationForm): { ok: true; notifications: NotificationSettings } | { ok: false; notNumbers: Array<{ kind: LeadTimeKind; text: string }> } {
  const leadHours = {} as Record<LeadTimeKind, number[]>;
  const notNumbers: Array<{ kind: LeadTimeKind; text: string }> = [];
  for (const kind of LEAD_TIME_KINDS) {
    const parsed = parseLeadHoursText(form.leadText[kind]);
    if ('bad' in parsed) notNumbers.push({ kind, text: parsed.bad });
    else leadHours[kind] = parsed.hours;
  }
  if (notNumbers.length > 0) return { ok: false, notNumbers };
  return {
    ok: true,
    notifications: {
      enabled: form.enabled,
      leadHours,
      anomalies: { ...form.anomalies },
      quietHours: form.quiet ? { start: form.quietStart, end: form.quietEnd } : null,
      digest: form.digest,
      sound: form.sound,
    },
  };
}
