import { errorMessage } from '@/lib/errors/error-message';
import { useState } from 'react';
import { exportJson, importJson, type ImportReport } from '@/lib/backup/backup-json';
import { exportAtRiskCsv, exportHistoryCsv } from '@/lib/backup/export-csv';
import type { SentinelDb } from '@/lib/db/schema';
import { loadSettings } from '@/lib/settings/settings-item';
import type { Lang } from '@/lib/time/shanghai';

/** Export of the at-risk list and the whole history (CSV for Excel/WPS, JSON for a backup); import that merges. */
export function BackupSection({ db, lang }: { db: SentinelDb; lang: Lang }) {
  const zh = lang === 'zh';
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

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
      return zh ? '已导出' : 'Exported';
    });
  const exportBackup = () =>
    run(async () => {
      const doc = await exportJson(db, Date.now());
      download(`order-sentinel-backup-${stamp()}.json`, JSON.stringify(doc), 'application/json');
      return zh ? '已导出' : 'Exported';
    });
  const importBackup = (file: File) =>
    run(async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(zh ? '文件不是有效的 JSON' : 'The file is not valid JSON');
      }
      const { policy } = await loadSettings();
      const report = await importJson(db, parsed, Date.now(), policy);
      if (!report.ok) throw new Error(report.error ?? 'import failed');
      return summarize(report, zh);
    });

  return (
    <section>
      <h2>{zh ? '导出与备份' : 'Export and backup'}</h2>
      <p className="actions">
        <button type="button" disabled={busy} onClick={() => void exportCsv('at-risk')}>
          {zh ? '导出待处理订单（CSV）' : 'At-risk orders (CSV)'}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportCsv('history')}>
          {zh ? '导出全部历史（CSV）' : 'Full history (CSV)'}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportBackup()}>
          {zh ? '导出备份（JSON）' : 'Backup (JSON)'}
        </button>
        <label>
          {zh ? '导入备份：' : 'Import a backup: '}
          <input
            type="file"
            accept="application/json,.json"
            name="import-backup"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file !== undefined) void importBackup(file); // `run` reports every failure on the page
              event.target.value = '';
            }}
          />
        </label>
      </p>
      {result !== null && (
        <p className={result.ok ? 'saved' : 'errors'} data-testid="backup-result">
          {result.text}
        </p>
      )}
    </section>
  );
}

function summarize(report: ImportReport, zh: boolean): string {
  let added = 0;
  let updated = 0;
  let skipped = 0;
  for (const table of Object.values(report.tables)) {
    added += table.added;
    updated += table.updated;
    skipped += table.skipped;
  }
  const head = zh ? `已导入：新增 ${added} 条，更新 ${updated} 条，跳过 ${skipped} 条` : `Imported: ${added} added, ${updated} updated, ${skipped} skipped`;
  const problems = report.problems.slice(0, 5).map((problem) => problem.reason);
  const { count, paths } = report.unknownFields;
  const unknown =
    count === 0 ? [] : [zh ? `${count} 个未知字段未导入：${paths.slice(0, 5).join('、')}` : `${count} unknown field(s) not imported: ${paths.slice(0, 5).join(', ')}`];
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
