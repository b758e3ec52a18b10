import { useId, useRef, useState } from 'react';
import { ResultLine, type Result } from '@/components/ResultLine';
import { useSettings } from '@/components/settings-store';
import { DEFAULT_POLICY } from '@/lib/findings/policy';
import type { PolicyEntry, PolicyUnit } from '@/lib/findings/policy-entry';
import { POLICY_SOURCES } from '@/lib/findings/policy-sources';
import { KIND_LABELS, type PolicyKey } from '@/lib/findings/registry';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { checkThresholds, isModified, THRESHOLD_GROUPS, thresholdTextsOf, type ThresholdProblem, type ThresholdTexts } from '@/lib/settings/threshold-form';
import type { Lang } from '@/lib/time/shanghai';
import { useDraft } from './use-draft';
import { settingsProblemsText } from '@/lib/settings/settings-problem-text';

const UNIT_LABELS: Record<PolicyUnit, MessageKey> = { hours: 'optionsUnitHours', days: 'optionsUnitDays', count: 'optionsUnitCount' };
const CONFIDENCE_LABELS = { H: 'optionsConfidenceH', M: 'optionsConfidenceM', L: 'optionsConfidenceL' } as const satisfies Record<PolicyEntry['confidence'], MessageKey>;

const unitLabel = (unit: PolicyUnit, lang: Lang): string => t(UNIT_LABELS[unit], lang);

/** A field's problem in the merchant's words. */
function problemText(problem: ThresholdProblem, lang: Lang): string {
  switch (problem.fault) {
    case 'empty':
      return t('optionsThresholdEmpty', lang);
    case 'not_number':
      return t('optionsThresholdNotNumber', lang);
    case 'not_whole':
      return t('optionsThresholdNotWhole', lang);
    case 'out_of_range':
      return t('optionsThresholdRange', lang, { min: problem.entry.min, max: problem.entry.max, unit: unitLabel(problem.entry.unit, lang) });
    case 'band':
      return t(problem.narrow ? 'optionsThresholdBandBelow' : 'optionsThresholdBandAbove', lang, {
        other: problem.other[lang],
        value: problem.otherValue,
        unit: unitLabel(problem.other.unit, lang),
      });
  }
}

/**
 * 规则阈值: every threshold of the policy table, grouped by the kind that owns it, with its default, unit, source
 * and confidence. Each field is checked as it is typed with the policy's own checks (the band rule included);
 * a form with a problem is not saved. Saves the policy overrides alone, with its own button.
 */
export function ThresholdSection({ lang }: { lang: Lang }) {
  const { settings, savePart } = useSettings();
  const { draft, change, dirty } = useDraft(settings.policyOverrides, thresholdTextsOf);
  const [result, setResult] = useState<Result>(null);
  const headingId = useId();
  const idBase = useId();
  const table = useRef<HTMLTableElement>(null);
  const check = checkThresholds(draft);
  const problemCount = Object.keys(check.problems).length;
  const modifiedCount = (Object.keys(draft) as PolicyKey[]).filter((key) => isModified(key, draft[key])).length;

  const edit = (next: ThresholdTexts) => {
    change(next);
    setResult(null);
  };
  const onSave = async () => {
    if (problemCount > 0) {
      setResult({ ok: false, text: t('optionsThresholdsBlocked', lang, { n: problemCount }) });
      table.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
      return;
    }
    const problems = await savePart({ policyOverrides: check.overrides });
    setResult(problems.length === 0 ? { ok: true, text: t('saved', lang) } : { ok: false, text: settingsProblemsText(problems, lang) });
  };

  return (
    <section id="thresholds" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('optionsThresholdsTitle', lang)}
        {dirty && <span className="unsaved">{t('optionsUnsaved', lang)}</span>}
      </h2>
      <p className="muted intro">{t('optionsThresholdsIntro', lang)}</p>
      <table className="thresholds" ref={table}>
        <thead>
          <tr>
            <th scope="col">{t('optionsColumnRule', lang)}</th>
            <th scope="col">{t('optionsColumnValue', lang)}</th>
            <th scope="col">{t('optionsColumnDefault', lang)}</th>
            <th scope="col">{t('optionsColumnSource', lang)}</th>
            <th scope="col">
              <span className="visually-hidden">{t('optionsResetOne', lang)}</span>
            </th>
          </tr>
        </thead>
        {THRESHOLD_GROUPS.map(({ kind, entries }) => (
          <tbody key={kind} aria-labelledby={`${idBase}-${kind}`}>
            <tr className="group">
              <th id={`${idBase}-${kind}`} scope="rowgroup" colSpan={5}>
                {KIND_LABELS[kind][lang]}
              </th>
            </tr>
            {entries.map((entry) => {
              const key = entry.key as PolicyKey;
              const id = `${idBase}-${key}`;
              const problem = check.problems[key];
              const modified = isModified(key, draft[key]);
              const unit = unitLabel(entry.unit, lang);
              return (
                <tr key={key} className={modified ? 'modified' : undefined} data-testid={`threshold-${key}`}>
                  <td>
                    {/* The rule id and policy key are for whoever reads the rules table or an assess file: a tooltip, not the label. */}
                    <label htmlFor={id} title={`${entry.rule} · ${key}`}>
                      {entry[lang]}
                    </label>
                  </td>
                  <td className="value">
                    <input
                      id={id}
                      name={`policy-${key}`}
                      inputMode={entry.unit === 'count' ? 'numeric' : 'decimal'}
                      autoComplete="off"
                      size={6}
                      aria-invalid={problem !== undefined}
                      aria-describedby={problem === undefined ? undefined : `${id}-problem`}
                      value={draft[key]}
                      onChange={(event) => edit({ ...draft, [key]: event.target.value })}
                    />{' '}
                    {unit}
                    {modified && <span className="tag modified-tag">{t('optionsModified', lang)}</span>}
                    {problem !== undefined && (
                      <span id={`${id}-problem`} className="field-error">
                        {problemText(problem, lang)}
                      </span>
                    )}
                  </td>
                  <td className="default">
                    {DEFAULT_POLICY[key]} {unit}
                  </td>
                  <td className="source">
                    {POLICY_SOURCES[key][lang]}
                    <span className={`tag confidence-${entry.confidence}`}>{t(CONFIDENCE_LABELS[entry.confidence], lang)}</span>
                    {entry.heuristic && (
                      <span className="tag" title={t('heuristic', lang)}>
                        {t('optionsHeuristicTag', lang)}
                      </span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      disabled={!modified}
                      aria-label={t('optionsResetOneLabel', lang, { label: entry[lang], value: DEFAULT_POLICY[key], unit })}
                      onClick={() => edit({ ...draft, [key]: String(DEFAULT_POLICY[key]) })}
                    >
                      {t('optionsResetOne', lang)}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <p className="actions sticky-actions">
        <button type="button" className="primary" onClick={() => void onSave()}>
          {t('optionsSaveThresholds', lang)}
        </button>
        <button type="button" disabled={modifiedCount === 0} onClick={() => edit(thresholdTextsOf({}))}>
          {t('optionsResetAll', lang)}
        </button>
        {modifiedCount > 0 && <span className="muted">{t('optionsModifiedCount', lang, { n: modifiedCount })}</span>}
      </p>
      <ResultLine result={result} testId="thresholds-save-result" />
    </section>
  );
}
