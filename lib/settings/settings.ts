// The merchant's settings: policy overrides, which badges to show, how long to keep history, UI language.
// Stored settings are untrusted like everything else: each bad value is reported and the default kept.
import { resolvePolicy, type Policy } from '../findings/policy';
import { FINDING_KINDS, isFindingKind, type FindingKind } from '../findings/registry';

export type LanguageSetting = 'auto' | 'zh' | 'en';

export interface Settings {
  /** Overrides of policy keys; validated by `resolvePolicy`. */
  policyOverrides: Record<string, number>;
  /** Per-kind badge switch; a kind missing here is shown. */
  badgeKinds: Record<FindingKind, boolean>;
  /** Days a closed order is kept before the daily pruning removes it. */
  retentionDays: number;
  language: LanguageSetting;
}

export const RETENTION_DAYS = { default: 180, min: 7, max: 3650 } as const;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  policyOverrides: {},
  badgeKinds: Object.fromEntries(FINDING_KINDS.map((kind) => [kind, true])) as Record<FindingKind, boolean>,
  retentionDays: RETENTION_DAYS.default,
  language: 'auto',
});

export interface ParsedSettings {
  settings: Settings;
  policy: Policy;
  errors: string[];
}

/** Reads settings from whatever storage holds; never throws, keeps every valid part. */
export function parseSettings(raw: unknown): ParsedSettings {
  const errors: string[] = [];
  const source = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) errors.push('settings: not an object; defaults used');

  const policyOverrides: Record<string, number> = {};
  const { policy, errors: policyErrors } = resolvePolicy(source.policyOverrides);
  errors.push(...policyErrors);
  if (isRecord(source.policyOverrides)) {
    for (const [key, value] of Object.entries(source.policyOverrides)) {
      if (key in policy && policy[key as keyof Policy] === value) policyOverrides[key] = value as number;
    }
  }

  const badgeKinds = { ...DEFAULT_SETTINGS.badgeKinds };
  if (isRecord(source.badgeKinds)) {
    for (const [kind, enabled] of Object.entries(source.badgeKinds)) {
      if (!isFindingKind(kind)) errors.push(`badgeKinds.${kind}: unknown kind`);
      else if (typeof enabled !== 'boolean') errors.push(`badgeKinds.${kind}: expected true or false`);
      else badgeKinds[kind] = enabled;
    }
  } else if (source.badgeKinds !== undefined) {
    errors.push('badgeKinds: expected an object of kind → true/false');
  }

  let retentionDays: number = RETENTION_DAYS.default;
  if (source.retentionDays !== undefined) {
    const value = source.retentionDays;
    if (typeof value === 'number' && Number.isInteger(value) && value >= RETENTION_DAYS.min && value <= RETENTION_DAYS.max) {
      retentionDays = value;
    } else {
      errors.push(`retentionDays: expected whole days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max}; ${RETENTION_DAYS.default} kept`);
    }
  }

  let language: LanguageSetting = 'auto';
  if (source.language === 'zh' || source.language === 'en' || source.language === 'auto') language = source.language;
  else if (source.language !== undefined) errors.push('language: expected auto, zh or en');

  return { settings: { policyOverrides, badgeKinds, retentionDays, language }, policy, errors };
}

/** The slice of `browser.storage.local` settings need; passed in so this module stays browser-free. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const SETTINGS_KEY = 'settings';

export async function loadSettings(area: KeyValueArea): Promise<ParsedSettings> {
  const stored = await area.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Saves only settings that validate completely: a bad value is refused with its message, never stored. */
export async function saveSettings(area: KeyValueArea, candidate: unknown): Promise<{ ok: boolean; errors: string[] }> {
  const parsed = parseSettings(candidate);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  await area.set({ [SETTINGS_KEY]: parsed.settings });
  return { ok: true, errors: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
