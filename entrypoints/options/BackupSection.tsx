import { errorMessage, logFailure } from '@/lib/errors/error-message';
import { sendMessage } from '@/lib/messages/protocol';
import { useId, useRef, useState } from 'react';
import { exportJson, importJson, type ImportReport } from '@/lib/backup/backup-json';
import { exportAtRiskCsv, exportHistoryCsv } from '@/lib/backup/export-csv';
import type { SentinelDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/messages';
import { loadSettings } from '@/lib/settings/settings-item';
import type { Lang } from '@/lib/time/shanghai';
import { ResultLine, type Result } from '@/components/ResultLine';

/** Export of the at-risk list and the whole history (CSV for Excel/WPS, JSON for a backup); import that merges. Part of 数据. */
export function BackupSection({ db, lang }: { db: SentinelDb; lang: Lang }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const headingId = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setResult(null);
    try {
      setResult({ ok: true, text: await work() });
    } catch (error) {
      setResult({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const stamp = () => new Date().toISOString().slice(0, 10);
  const exportCsv = (kind: 'at-risk' | 'history') =>
    run(async () => {
      const text = kind === 'at-risk' ? await exportAtRiskCsv(db, null) : await exportHistoryCsv(db, null);
      download(`order-sentinel-${kind}-${stamp()}.csv`, text, 'text/csv;charset=utf-8');
      return t('optionsExported', lang);
    });
  const exportBackup = () =>
    run(async () => {
      const doc = await exportJson(db, Date.now());
      download(`order-sentinel-backup-${stamp()}.json`, JSON.stringify(doc), 'application/json');
      return t('optionsExported', lang);
    });
  const importBackup = (file: File) =>
    run(async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(t('optionsImportNotJson', lang));
      }
      const { policy } = await loadSettings();
      const report = await importJson(db, parsed, Date.now(), policy);
      if (!report.ok) throw new Error(t('optionsImportFailed', lang, { reason: report.error ?? '' }));
      // The toolbar count is the worker's: it reads the imported orders again.
      sendMessage('storedRecordsChanged', undefined).catch(logFailure('refreshing the toolbar count'));
      return summarize(report, lang);
    });

  return (
    <div role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('optionsBackupTitle', lang)}</h3>
      <p className="actions">
        <button type="button" disabled={busy} onClick={() => void exportCsv('at-risk')}>
          {t('optionsExportAtRisk', lang)}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportCsv('history')}>
          {t('optionsExportHistory', lang)}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportBackup()}>
          {t('optionsExportBackup', lang)}
        </button>
        {/* The browser's own file control speaks its UI language ("Choose File"): a button of ours opens it. */}
        <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t('optionsImportBackup', lang)}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept="application/json,.json"
          name="import-backup"
          aria-label={t('optionsImportBackup', lang)}
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) void importBackup(file); // `run` reports every failure on the page
            event.target.value = '';
          }}
        />
      </p>
      <p className="muted hint">{t('optionsExportHint', lang)}</p>
      <ResultLine result={result} testId="backup-result" />
    </div>
  );
}

function summarize(report: ImportReport, lang: Lang): string {
  let added = 0;
  let updated = 0;
  let skipped = 0;
  for (const table of Object.values(report.tables)) {
    added += table.added;
    updated += table.updated;
    skipped += table.skipped;
  }
  const head = t('optionsImported', lang, { added, updated, skipped });
  const problems = report.problems.slice(0, 5).map((problem) => problem.reason);
  const { count, paths } = report.unknownFields;
  const unknown = count === 0 ? [] : [t('optionsImportUnknownFields', lang, { count, paths: paths.slice(0, 5).join(t('optionsListSeparator', lang)) })];
  return [head, ...problems, ...unknown].join('；');
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
