// The settings as a versioned WXT storage item in storage.local. This module calls WXT's storage library
// (the one place in lib/settings that reaches browser storage, through it); what it stores is judged by ./settings.
import { storage } from 'wxt/utils/storage';
import {
  checkSettingsCandidate,
  migrateSettingsToV2,
  parseBadgeSettings,
  parseSettings,
  SETTINGS_VERSION,
  type BadgeSettings,
  type ParsedSettings,
  type StoredSettings,
} from './settings';
import type { SettingsProblem } from './settings-problem';

/** Same key as the unversioned settings before it, so those are found and migrated (WXT reads no version as 1). */
export const settingsItem = storage.defineItem<StoredSettings>('local:settings', {
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsToV2 },
});

export async function loadSettings(): Promise<ParsedSettings> {
  return parseSettings(await settingsItem.getValue());
}

/** Saves only settings that validate completely: a bad value or an unknown key is refused with its message. */
export async function saveSettings(candidate: unknown): Promise<{ ok: true; parsed: ParsedSettings } | { ok: false; errors: SettingsProblem[] }> {
  const check = checkSettingsCandidate(candidate);
  if (!check.ok) return check;
  await settingsItem.setValue(check.stored);
  return { ok: true, parsed: check.parsed };
}

/** Calls `onChange` with the newly parsed settings whenever any context saves them; returns the unwatch. */
export function watchSettings(onChange: (parsed: ParsedSettings) => void): () => void {
  return settingsItem.watch((stored) => onChange(parseSettings(stored)));
}

/** The badge switches and the language alone (the console page's part; see `parseBadgeSettings`). */
export async function loadBadgeSettings(): Promise<BadgeSettings> {
  return parseBadgeSettings(await settingsItem.getValue());
}

/** Like `watchSettings`, for the console page's part alone. */
export function watchBadgeSettings(onChange: (settings: BadgeSettings) => void): () => void {
  return settingsItem.watch((stored) => onChange(parseBadgeSettings(stored)));
}
