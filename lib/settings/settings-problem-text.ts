// A settings problem in the merchant's words: the setting named by its label on the options page where it has
// one (a threshold, a badge, a notification field), else by its path as stored.
import { KIND_LABELS, isFindingKind, POLICY_TABLE } from '../findings/registry';
import { t, type MessageKey } from '../i18n/messages';
import type { Lang } from '../time/shanghai';
import type { SettingsProblem } from './settings-problem';

const FIELD_LABELS: Readonly<Partial<Record<string, MessageKey>>> = {
  badgeKinds: 'optionsBadgesTitle',
  policyOverrides: 'optionsThresholdsTitle',
  retentionDays: 'optionsRetentionDays',
  language: 'optionsLanguage',
  'tracking.service': 'trackingService',
  'tracking.senderPhoneTail': 'senderPhoneTail',
  'tracking.dailyBudget': 'dailyBudget',
  notifications: 'notifyTitle',
  'notifications.enabled': 'notifyEnabled',
  'notifications.leadHours': 'notifyLeadTimes',
  'notifications.anomalies': 'notifyAnomalies',
  'notifications.quietHours': 'notifyQuietHours',
  'notifications.quietHours.start': 'notifyQuietStart',
  'notifications.quietHours.end': 'notifyQuietEnd',
  'notifications.digest': 'notifyDigest',
  'notifications.sound': 'notifySound',
};

/** The on-page label of the setting at `path`, or the path itself. */
export function settingLabel(path: string, lang: Lang): string {
  const label = FIELD_LABELS[path];
  if (label !== undefined) return t(label, lang);
  const threshold = /^policyOverrides\.(\w+)$/.exec(path)?.[1];
  const entry = POLICY_TABLE.find((known) => known.key === threshold);
  if (entry !== undefined) return entry[lang];
  const kind = /^(?:badgeKinds|notifications\.anomalies)\.(\w+)$/.exec(path)?.[1];
  if (kind !== undefined && isFindingKind(kind)) return KIND_LABELS[kind][lang];
  const lead = /^notifications\.leadHours\.(\w+)(?:\[\d+\])?$/.exec(path)?.[1];
  if (lead !== undefined && isFindingKind(lead)) return t('notifyLeadLabel', lang, { kind: KIND_LABELS[lead][lang] });
  return path;
}

/** The words describeValue gives a value that is no scalar (lib/text/quote.ts), in the page's language. */
const VALUE_WORDS: Readonly<Partial<Record<string, MessageKey>>> = { 'a list': 'optionsValueList', 'an object': 'optionsValueObject' };

function valueText(value: string | undefined, lang: Lang): string {
  const words = value === undefined ? undefined : VALUE_WORDS[value];
  return words === undefined ? (value ?? '') : t(words, lang);
}

export function settingsProblemText(problem: SettingsProblem, lang: Lang): string {
  const setting = settingLabel(problem.path, lang);
  const value = valueText(problem.value, lang);
  switch (problem.code) {
    case 'not_object':
      return t('optionsProblemNotObject', lang);
    case 'nothing_to_save':
      return t('optionsProblemNothingToSave', lang);
    case 'unknown_setting':
      return t('optionsProblemUnknownSetting', lang, { setting });
    case 'out_of_range':
      return t('optionsProblemOutOfRange', lang, { setting, min: problem.min ?? '', max: problem.max ?? '', value });
    case 'too_many':
      return t('optionsProblemTooMany', lang, { setting, max: problem.max ?? '', value });
    case 'repeated':
      return t('optionsProblemRepeated', lang, { setting, value });
    case 'invalid':
      return problem.value === undefined ? t('optionsProblemMissing', lang, { setting }) : t('optionsProblemInvalid', lang, { setting, value });
  }
}

export function settingsProblemsText(problems: readonly SettingsProblem[], lang: Lang): string {
  return problems.map((problem) => settingsProblemText(problem, lang)).join(t('optionsProblemSeparator', lang));
}
