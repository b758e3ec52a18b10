import { useId, useState } from 'react';
import { ResultLine, type Result } from '@/components/ResultLine';
import { useSettings } from '@/components/settings-store';
import { ANOMALY_KINDS, CLOCK_KINDS, KIND_LABELS, moduleOf, type FindingKind } from '@/lib/findings/registry';
import { t, type MessageKey } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/time/shanghai';
import { useDraft } from './use-draft';
import { settingsProblemsText } from '@/lib/settings/settings-problem-text';

const GROUPS: ReadonlyArray<{ title: MessageKey; kinds: readonly FindingKind[] }> = [
  { title: 'optionsClockKinds', kinds: CLOCK_KINDS },
  { title: 'optionsAnomalyKinds', kinds: ANOMALY_KINDS },
];

/**
 * 标注: which kinds the console's order cards show, clocks apart from anomalies, each with its advice as the line
 * that says what it is about. Saves the switches alone; the console page follows the saved switches at once.
 */
export function BadgeSection({ lang }: { lang: Lang }) {
  const { settings, savePart } = useSettings();
  const { draft, change, dirty } = useDraft(settings.badgeKinds);
  const [result, setResult] = useState<Result>(null);
  const headingId = useId();
  const idBase = useId();

  const edit = (next: Record<FindingKind, boolean>) => {
    change(next);
    setResult(null);
  };
  const onSave = async () => {
    const problems = await savePart({ badgeKinds: draft });
    setResult(problems.length === 0 ? { ok: true, text: t('saved', lang) } : { ok: false, text: settingsProblemsText(problems, lang) });
  };

  return (
    <section id="badges" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('optionsBadgesTitle', lang)}
        {dirty && <span className="unsaved">{t('optionsUnsaved', lang)}</span>}
      </h2>
      <p className="muted intro">{t('optionsBadgesIntro', lang)}</p>
      {GROUPS.map(({ title, kinds }) => (
        <fieldset key={title} className="kind-group">
          <legend>
            {t(title, lang)}
            <button
              type="button"
              className="link"
              disabled={kinds.every((kind) => draft[kind])}
              aria-label={t('optionsShowAllOf', lang, { group: t(title, lang) })}
              onClick={() => edit({ ...draft, ...Object.fromEntries(kinds.map((kind) => [kind, true])) })}
            >
              {t('optionsShowAll', lang)}
            </button>
          </legend>
          <ul className="kinds">
            {kinds.map((kind) => {
              const id = `${idBase}-${kind}`;
              const advice = moduleOf(kind).advice[lang];
              return (
                <li key={kind} className={draft[kind] ? undefined : 'off'}>
                  <input
                    id={id}
                    type="checkbox"
                    name={`badge-${kind}`}
                    checked={draft[kind]}
                    aria-describedby={`${id}-about`}
                    onChange={(event) => edit({ ...draft, [kind]: event.target.checked })}
                  />
                  <label htmlFor={id}>{KIND_LABELS[kind][lang]}</label>
                  <span id={`${id}-about`} className="about muted" title={advice}>
                    {advice}
                  </span>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      <p className="actions">
        <button type="button" className="primary" onClick={() => void onSave()}>
          {t('optionsSaveBadges', lang)}
        </button>
      </p>
      <ResultLine result={result} testId="badges-save-result" />
    </section>
  );
}
