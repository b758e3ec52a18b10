import { errorMessage } from '@/lib/errors/error-message';
import { create } from 'zustand';
import { resolveLanguage } from '@/lib/i18n/messages';
import type { NotificationSettings } from '@/lib/notifications/types';
import { DEFAULT_SETTINGS, type ParsedSettings, type Settings, type TrackingSettings } from '@/lib/settings/settings';
import type { SettingsProblem } from '@/lib/settings/settings-problem';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings/settings-item';
import type { Lang } from '@/lib/time/shanghai';

interface SettingsState {
  settings: Settings;
  lang: Lang;
  loaded: boolean;
  /** Problems found in what was stored (shown on the options page). */
  storedErrors: SettingsProblem[];
  /** Why the settings could not be read at all (the defaults are shown meanwhile); null when they were. */
  readFailure: string | null;
  load: () => Promise<void>;
  /** Validates and saves; returns the problems of what was refused. */
  save: (candidate: Settings) => Promise<SettingsProblem[]>;
  /**
   * Saves some parts alone, over the settings as they are saved now: each options section saves its own part,
   * and the other sections' unsaved edits stay theirs.
   */
  savePart: (part: Partial<Settings>) => Promise<SettingsProblem[]>;
  saveTracking: (tracking: TrackingSettings) => Promise<SettingsProblem[]>;
  saveNotifications: (notifications: NotificationSettings) => Promise<SettingsProblem[]>;
}

let unwatch: (() => void) | null = null;

/** The one settings module of the extension pages: reads and writes through lib/settings, and follows saves made elsewhere. */
export const useSettings = create<SettingsState>((set, get) => {
  const apply = ({ settings, errors }: ParsedSettings) =>
    set({ settings, lang: resolveLanguage(settings.language, navigator.language), loaded: true, storedErrors: errors, readFailure: null });
  return {
    settings: DEFAULT_SETTINGS,
    lang: resolveLanguage('auto', navigator.language),
    loaded: false,
    storedErrors: [],
    readFailure: null,
    /** Never rejects: settings that cannot be read leave the defaults, and say why. */
    async load() {
      unwatch ??= watchSettings(apply);
      try {
        apply(await loadSettings());
      } catch (error) {
        set({ loaded: true, readFailure: errorMessage(error) });
      }
    },
    async save(candidate) {
      const result = await saveSettings(candidate);
      if (!result.ok) return result.errors;
      apply(result.parsed);
      return [];
    },
    savePart(part) {
      return get().save({ ...get().settings, ...part });
    },
    saveTracking(tracking) {
      return get().savePart({ tracking });
    },
    saveNotifications(notifications) {
      return get().savePart({ notifications });
    },
  };
});
