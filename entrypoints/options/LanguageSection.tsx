import { useId, useState } from 'react';
import { ResultLine, type Result } from '@/components/ResultLine';
import { useSettings } from '@/components/settings-store';
import { t } from '@/lib/i18n/messages';
import type { LanguageSetting } from '@/lib/settings/settings';
import type { Lang } from '@/lib/time/shanghai';
import { useDraft } from './use-draft';
import { settingsProblemsText } from '@/lib/settings/settings-problem-text';

/** 语言: the language of every surface (pages, badges, notifications); the language names are each in their own language. */
export function LanguageSection({ lang }: { lang: Lang }) {
  const { settings, savePart } = useSettings();
  const { draft, change, dirty } = useDraft(settings.language);
  const [result, setResult] = useState<Result>(null);
  const headingId = useId();
  const selectId = useId();

  const onSave = async () => {
    const problems = await savePart({ language: draft });
    // Saved: the page now speaks the chosen language, and so does its answer.
    const now = useSettings.getState().lang;
    setResult(problems.length === 0 ? { ok: true, text: t('saved', now) } : { ok: false, text: settingsProblemsText(problems, now) });
  };

  return (
    <section id="language" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('optionsLanguageTitle', lang)}
        {dirty && <span className="unsaved">{t('optionsUnsaved', lang)}</span>}
      </h2>
      <p className="actions">
        <label htmlFor={selectId}>{t('optionsLanguage', lang)}</label>
        <select
          id={selectId}
          name="language"
          aria-describedby={`${selectId}-hint`}
          value={draft}
          onChange={(event) => {
            change(event.target.value as LanguageSetting);
            setResult(null);
          }}
        >
          <option value="auto">{t('optionsLanguageAuto', lang)}</option>
          <option value="zh" lang="zh-CN">
            {t('optionsLanguageZh', lang)}
          </option>
          <option value="en" lang="en">
            {t('optionsLanguageEn', lang)}
          </option>
        </select>
        <button type="button" className="primary" onClick={() => void onSave()}>
          {t('optionsSaveLanguage', lang)}
        </button>
      </p>
      <p id={`${selectId}-hint`} className="muted hint">
        {t('optionsLanguageHint', lang)}
      </p>
      <ResultLine result={result} testId="language-save-result" />
    </section>
  );
}
