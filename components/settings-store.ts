import { browser } from 'wxt/browser';
import { create } from 'zustand';
import { resolveLanguage } from '@/lib/i18n/messages';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from '@/lib/settings/settings';
import type { Lang } from '@/lib/time/shanghai';

interface SettingsState {
  settings: Settings;
  lang: Lang;
  loaded: boolean;
  /** Problems found in what was stored (shown on the options page). */
  storedErrors: string[];
  load(): Promise<void>;
  /** Validates and saves; returns the messages of what was refused. */
  save(candidate: Settings): Promise<string[]>;
}

/** The one settings module of the extension pages: reads and writes through lib/settings validation. */
export const useSettings = create<SettingsState>((set) => ({
  settings: DEFAULT_SETTINGS,
  lang: resolveLanguage('auto', navigator.language),
  loaded: false,
  storedErrors: [],
  async load() {
    const { settings, errors } = await loadSettings(browser.storage.local);
    set({ settings, lang: resolveLanguage(settings.language, navigator.language), loaded: true, storedErrors: errors });
  },
  async save(candidate) {
    const { ok, errors } = await saveSettings(browser.storage.local, candidate);
    if (ok) set({ settings: candidate, lang: resolveLanguage(candidate.language, navigator.language), storedErrors: [] });
    return errors;
  },
}));
