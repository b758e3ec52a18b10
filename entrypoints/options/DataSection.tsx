import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { ResultLine, type Result } from '@/components/ResultLine';
import { useSettings } from '@/components/settings-store';
import type { SentinelDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/messages';
import { RETENTION_DAYS } from '@/lib/settings/settings';
import type { Lang } from '@/lib/time/shanghai';
import { BackupSection } from './BackupSection';
import { useDraft } from './use-draft';
import { settingsProblemsText } from '@/lib/settings/settings-problem-text';

/** How many records of each kind are stored: what retention keeps and a backup carries. */
async function storedCounts(db: SentinelDb) {
  const [orders, shops, waybills, changes, notifications] = await Promise.all([
    db.orders.count(),
    db.shops.count(),
    db.waybills.count(),
    db.changes.count(),
    db.notifications.count(),
  ]);
  return { orders, shops, waybills, changes, notifications };
}

/** Whole days within the bounds, as `parseSettings` accepts them; null otherwise. */
function retentionOf(text: string): number | null {
  const days = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  return Number.isInteger(days) && days >= RETENTION_DAYS.min && days <= RETENTION_DAYS.max ? days : null;
}

/**
 * 数据: what is stored, how long closed orders are kept (saved alone, with its own button), and the exports and
 * import. The history parts wait for the database, and say so when it cannot be opened.
 */
export function DataSection({ lang, db, dbFailure }: { lang: Lang; db: SentinelDb | null; dbFailure: string | null }) {
  const { settings, savePart } = useSettings();
  const { draft, change, dirty } = useDraft(settings.retentionDays, String);
  const [result, setResult] = useState<Result>(null);
  const counts = useLiveQuery(async () => (db === null ? null : storedCounts(db)), [db]);
  const headingId = useId();
  const retentionId = useId();
  const days = retentionOf(draft);
  const invalid = days === null;

  const onSave = async () => {
    if (days === null) {
      setResult({ ok: false, text: t('optionsRetentionInvalid', lang, { min: RETENTION_DAYS.min, max: RETENTION_DAYS.max }) });
      return;
    }
    const problems = await savePart({ retentionDays: days });
    setResult(problems.length === 0 ? { ok: true, text: t('saved', lang) } : { ok: false, text: settingsProblemsText(problems, lang) });
  };

  return (
    <section id="data" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('optionsDataTitle', lang)}
        {dirty && <span className="unsaved">{t('optionsUnsaved', lang)}</span>}
      </h2>
      <p className="muted intro">{t('optionsDataIntro', lang)}</p>
      <p className={dbFailure === null ? 'counts' : 'counts errors'} data-testid="stored-counts">
        {dbFailure !== null
          ? t('historyUnavailable', lang, { reason: dbFailure })
          : counts === undefined || counts === null
            ? t('optionsStoredCountsLoading', lang)
            : t('optionsStoredCounts', lang, counts)}
      </p>
      <p className="actions">
        <label htmlFor={retentionId}>{t('optionsRetentionDays', lang)}</label>
        <input
          id={retentionId}
          name="retentionDays"
          inputMode="numeric"
          autoComplete="off"
          size={6}
          aria-invalid={invalid}
          aria-describedby={`${retentionId}-hint`}
          value={draft}
          onChange={(event) => {
            change(event.target.value);
            setResult(null);
          }}
        />
        <button type="button" className="primary" onClick={() => void onSave()}>
          {t('optionsSaveRetention', lang)}
        </button>
      </p>
      <p id={`${retentionId}-hint`} className={invalid ? 'field-error hint' : 'muted hint'}>
        {invalid ? t('optionsRetentionInvalid', lang, RETENTION_DAYS) : t('optionsRetentionHint', lang, RETENTION_DAYS)}
      </p>
      <ResultLine result={result} testId="retention-save-result" />
      {db !== null && <BackupSection db={db} lang={lang} />}
    </section>
  );
}
