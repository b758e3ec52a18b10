// Fuzz: settings as storage holds them (anything an older version, another tool or a hand edit left) and as
// the options page submits them.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { POLICY_TABLE } from '../../../lib/findings/registry';
import { FINDING_KINDS } from '../../../lib/findings/registry';
import { checkSettingsCandidate, migrateSettingsToV2, parseSettings, RETENTION_DAYS, type ParsedSettings } from '../../../lib/settings/settings';
import { fuzz } from './fuzz';

const KNOWN = new Set(['policyOverrides', 'badgeKinds', 'retentionDays', 'language']);
const LANGUAGES: unknown[] = ['auto', 'zh', 'en'];
const anything = fc.anything({ maxDepth: 2, maxKeys: 3, withDate: true, withMap: true, withBigInt: true, withNullPrototype: true });
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a\nb', '"', '__proto__', 'constructor', 'toString'));

const settingsInput = fc.record(
  {
    policyOverrides: fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom(...POLICY_TABLE.map((entry) => entry.key)), key), fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double(), anything), { maxKeys: 4 }),
      anything,
    ),
    badgeKinds: fc.oneof(
      { weight: 3, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...FINDING_KINDS), key), fc.oneof(fc.boolean(), anything), { maxKeys: 5 }) },
      { weight: 1, arbitrary: anything },
    ),
    retentionDays: fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.double(), anything),
    language: fc.oneof(fc.constantFrom('auto', 'zh', 'en'), fc.string({ maxLength: 3 }), anything),
  },
  { requiredKeys: [] },
);
const withUnknownKeys = fc
  .tuple(settingsInput, fc.dictionary(key.filter((name) => !KNOWN.has(name)), anything, { maxKeys: 2 }))
  .map(([known, unknown]) => ({ ...unknown, ...known }));
type Input = Record<string, unknown>;

const isPlain = (candidate: unknown): candidate is Record<string, unknown> =>
  typeof candidate === 'object' && candidate !== null && [Object.prototype, null].includes(Object.getPrototypeOf(candidate) as object | null);
/** How a message names a key: as written when it is a plain name, JSON-escaped otherwise. */
const named = (errors: readonly string[], name: string) => errors.some((error) => error.includes(JSON.stringify(name).slice(1, -1)));

/** Null when every input value is either applied unchanged or named in an error; otherwise what was not. */
function misread(input: Input, { settings, errors: problems }: ParsedSettings): string | null {
  // The problems' log lines name what they are about, as the checks below look for.
  const errors = problems.map((problem) => problem.log);
  for (const name of Object.keys(input)) if (!KNOWN.has(name) && !named(errors, name)) return `unknown key ${JSON.stringify(name)} dropped without a word`;
  for (const error of errors) if (!error.startsWith('policy') && error.includes('\n')) return `a message spans lines: ${error}`;

  const days = input.retentionDays;
  const daysValid = typeof days === 'number' && Number.isInteger(days) && days >= RETENTION_DAYS.min && days <= RETENTION_DAYS.max;
  if (daysValid ? settings.retentionDays !== days : settings.retentionDays !== RETENTION_DAYS.default) return `retentionDays ${fc.stringify(days)} read as ${settings.retentionDays}`;
  if (days !== undefined && !daysValid && !named(errors, 'retentionDays')) return `retentionDays ${fc.stringify(days)} replaced without a word`;

  const language = input.language;
  const languageValid = LANGUAGES.includes(language);
  if (settings.language !== (languageValid ? language : 'auto')) return `language ${fc.stringify(language)} read as ${settings.language}`;
  if (language !== undefined && !languageValid && !named(errors, 'language')) return `language replaced without a word`;

  const switches = input.badgeKinds;
  const applied = new Map<string, boolean>();
  if (isPlain(switches)) {
    for (const [kind, shown] of Object.entries(switches)) {
      if ((FINDING_KINDS as readonly string[]).includes(kind) && typeof shown === 'boolean') applied.set(kind, shown);
      else if (!named(errors, kind)) return `badge switch ${JSON.stringify(kind)} dropped without a word`;
    }
  } else if (switches !== undefined && !named(errors, 'badgeKinds')) {
    return 'badgeKinds replaced without a word';
  }
  for (const kind of FINDING_KINDS) if (settings.badgeKinds[kind] !== (applied.get(kind) ?? true)) return `badge switch ${kind} misread`;

  const overrides = input.policyOverrides;
  if (isPlain(overrides)) {
    for (const [name, override] of Object.entries(overrides)) {
      if (settings.policyOverrides[name] !== override && !named(errors, name)) return `policy override ${JSON.stringify(name)} dropped without a word`;
    }
  }
  return null;
}

/** Every object's keys in the reverse order. */
const reversed = (candidate: unknown): unknown =>
  isPlain(candidate) ? Object.fromEntries(Object.keys(candidate).reverse().map((name) => [name, reversed(candidate[name])])) : candidate;

describe('fuzz: settings', () => {
  test('every stored value is applied unchanged or named in an error; the valid rest is kept', () => {
    fuzz<Input, ParsedSettings>({
      entry: 'settings',
      property: 'each value applied unchanged or named; valid neighbours kept',
      input: withUnknownKeys,
      run: (input) => parseSettings(input),
      oracle: misread,
      runs: 800,
    });
  });

  test('anything at all in storage reads without throwing, as defaults with a message when it is no object', () => {
    fuzz<unknown, ParsedSettings>({
      entry: 'settings',
      property: 'no throw on any stored value',
      input: anything,
      run: (input) => parseSettings(input),
      oracle: (input, parsed) => (isPlain(input) || input === null || input === undefined || parsed.errors.length === 1 ? null : 'a non-object read without its message'),
      runs: 500,
    });
  });

  test('the reading does not depend on the order of keys', () => {
    fuzz<Input, [ParsedSettings, ParsedSettings]>({
      entry: 'settings',
      property: 'independent of key order',
      input: withUnknownKeys,
      run: (input) => [parseSettings(input), parseSettings(reversed(input))],
      oracle: (input, [a, b]) => {
        const same = JSON.stringify([a.settings.badgeKinds, a.settings.retentionDays, a.settings.language, a.policy]) === JSON.stringify([b.settings.badgeKinds, b.settings.retentionDays, b.settings.language, b.policy]);
        const sameOverrides = JSON.stringify(Object.entries(a.settings.policyOverrides).sort()) === JSON.stringify(Object.entries(b.settings.policyOverrides).sort());
        const sameErrors = JSON.stringify(a.errors.map((problem) => problem.log).sort()) === JSON.stringify(b.errors.map((problem) => problem.log).sort());
        return same && sameOverrides && sameErrors ? null : `key order changed the reading of ${JSON.stringify(Object.keys(input))}`;
      },
      runs: 500,
    });
  });

  test('a candidate is saved only whole; what is saved reads back as the same settings, and migrating changes no setting', () => {
    fuzz<Input, string | null>({
      entry: 'settings',
      property: 'save only whole; saved form and migration read back the same',
      input: withUnknownKeys,
      run: (input) => {
        const parsed = parseSettings(input);
        const check = checkSettingsCandidate(input);
        if (check.ok !== (parsed.errors.length === 0)) return `saved ${check.ok} with ${parsed.errors.length} problem(s)`;
        if (!check.ok && JSON.stringify(check.errors) !== JSON.stringify(parsed.errors)) return 'refused with other messages than the reading gives';
        if (check.ok) {
          const back = parseSettings(structuredClone(check.stored));
          if (back.errors.length > 0 || JSON.stringify(back.settings) !== JSON.stringify(parsed.settings)) return `the stored form reads back differently: ${back.errors.map((problem) => problem.log).join('; ')}`;
        }
        const migrated = parseSettings(migrateSettingsToV2(input));
        return JSON.stringify(migrated.settings) === JSON.stringify(parsed.settings) ? null : 'migration changed a setting';
      },
      oracle: (_input, problem) => problem,
      runs: 500,
    });
  });
});
