// The merchant's settings: policy overrides, which badges to show, how long to keep history, UI language.
// Stored settings are untrusted like everything else: each bad value is reported and its default kept.
// Pure: the storage item that holds them is in ./settings-item.ts.
import * as v from 'valibot';
import { DEFAULT_POLICY, resolvePolicy, type Policy } from '../findings/policy';
import { FINDING_KINDS, isFindingKind, type FindingKind } from '../findings/registry';
import { describeIssues, step } from '../schema/issues';
import { isPlainObject, plainObject } from '../schema/plain-object';

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

/**
 * Version 1 (stored without a version) held every kind's badge switch. Version 2 keeps only the kinds
 * switched off: a kind that the vocabulary later renames or drops then stays out of the stored settings
 * unless the merchant chose to hide it, instead of turning every saved settings object into a broken one.
 */
export const SETTINGS_VERSION = 2;

/** What storage holds (version 2): every field optional, a missing one is its default. */
export interface StoredSettings {
  policyOverrides?: Record<string, number>;
  badgeKinds?: Partial<Record<FindingKind, boolean>>;
  retentionDays?: number;
  language?: LanguageSetting;
}

/** Version 1 → 2: drops the switches that were on (the default). Anything else is left for `parseSettings` to judge. */
export function migrateSettingsToV2(stored: unknown): unknown {
  if (!isPlainObject(stored) || !isPlainObject(stored.badgeKinds)) return stored;
  return { ...stored, badgeKinds: Object.fromEntries(Object.entries(stored.badgeKinds).filter(([, shown]) => shown !== true)) };
}

/** The stored form of valid settings: only the switched-off kinds. */
export function storedSettings(settings: Settings): StoredSettings {
  const hidden = Object.fromEntries(Object.entries(settings.badgeKinds).filter(([, shown]) => !shown));
  return { policyOverrides: settings.policyOverrides, badgeKinds: hidden, retentionDays: settings.retentionDays, language: settings.language };
}

export interface ParsedSettings {
  settings: Settings;
  policy: Policy;
  errors: string[];
}

const KNOWN_KEYS: ReadonlySet<string> = new Set<keyof Settings>(['policyOverrides', 'badgeKinds', 'retentionDays', 'language']);

const badgeKindsSchema = plainObject('an object of kind → true/false');
const badgeKindSchema = v.custom<FindingKind>(isFindingKind, 'a badge kind');
const badgeSwitchSchema = v.boolean();
const retentionDaysSchema = v.pipe(
  v.number(),
  v.check(
    (days) => Number.isInteger(days) && days >= RETENTION_DAYS.min && days <= RETENTION_DAYS.max,
    `whole days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max}`,
  ),
);
const languageSchema = v.picklist(['auto', 'zh', 'en'] as const);

/** Reads settings from whatever storage holds; never throws, keeps every valid part, names every other one. */
export function parseSettings(raw: unknown): ParsedSettings {
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, policy: DEFAULT_POLICY, errors: [] };
  if (!isPlainObject(raw)) return { settings: DEFAULT_SETTINGS, policy: DEFAULT_POLICY, errors: ['settings: not an object; defaults used'] };
  const errors: string[] = [];
  const read = <T>(schema: v.GenericSchema<unknown, T>, value: unknown, path: string): T | undefined => {
    const result = v.safeParse(schema, value);
    if (result.success) return result.output;
    errors.push(...describeIssues(result.issues, path));
    return undefined;
  };

  // A misspelt key (`retentionDay`) is a setting the merchant believes saved: never dropped without a word.
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) errors.push(`${step(key, true)}: unknown setting`);

  const { policy, errors: policyErrors } = resolvePolicy(raw.policyOverrides);
  errors.push(...policyErrors);
  const policyOverrides: Record<string, number> = {};
  if (isPlainObject(raw.policyOverrides)) {
    for (const [key, value] of Object.entries(raw.policyOverrides)) {
      if (key in policy && policy[key as keyof Policy] === value) policyOverrides[key] = value;
    }
  }

  const badgeKinds = { ...DEFAULT_SETTINGS.badgeKinds };
  const switches = raw.badgeKinds === undefined ? undefined : read(badgeKindsSchema, raw.badgeKinds, 'badgeKinds');
  for (const [name, shown] of Object.entries(switches ?? {})) {
    const path = `badgeKinds${step(name, false)}`;
    const kind = read(badgeKindSchema, name, path);
    const enabled = kind === undefined ? undefined : read(badgeSwitchSchema, shown, path);
    if (kind !== undefined && enabled !== undefined) badgeKinds[kind] = enabled;
  }

  const retentionDays = raw.retentionDays === undefined ? undefined : read(retentionDaysSchema, raw.retentionDays, 'retentionDays');
  const language = raw.language === undefined ? undefined : read(languageSchema, raw.language, 'language');

  return {
    settings: { policyOverrides, badgeKinds, retentionDays: retentionDays ?? RETENTION_DAYS.default, language: language ?? 'auto' },
    policy,
    errors,
  };
}

export type SettingsCheck = { ok: true; stored: StoredSettings; parsed: ParsedSettings } | { ok: false; errors: string[] };

/** A candidate to save: accepted only whole (no problem at all, unknown keys included), in its stored form. */
export function checkSettingsCandidate(candidate: unknown): SettingsCheck {
  if (candidate === undefined || candidate === null) return { ok: false, errors: ['settings: nothing to save'] };
  const parsed = parseSettings(candidate);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  return { ok: true, stored: storedSettings(parsed.settings), parsed };
}
