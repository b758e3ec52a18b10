import { useEffect, useState } from 'react';
import { HealthBanners } from '@/components/HealthBanners';
import { useDatabase } from '@/components/use-database';
import { useSettings } from '@/components/settings-store';
import { t } from '@/lib/i18n/messages';
import { FINDING_KINDS, KIND_LABELS, POLICY_TABLE } from '@/lib/findings/registry';
import { RETENTION_DAYS, type Settings } from '@/lib/settings/settings';
import { BackupSection } from './BackupSection';
import { NotificationSection } from './NotificationSection';
import { TrackingSection } from './TrackingSection';

/** Settings: which badges to show, the policy thresholds (with their sources), history retention, language, courier tracking, notifications. */
export function Options() {
  const { settings, lang, loaded, storedErrors, load, save } = useSettings();
  const database = useDatabase();
  // The draft is an edit of the settings it was made from: when the settings change (loaded, saved, or saved
  // on another page) it is dropped and the form shows the new settings, without an effect to reset it. The
  // tracking and notification sections save their own parts: that alone keeps this draft, carrying the new part.
  const [edit, setEdit] = useState<{ of: Settings; draft: Settings } | null>(null);
  const draft =
    edit !== null && sameApartFromSections(edit.of, settings) ? { ...edit.draft, tracking: settings.tracking, notifications: settings.notifications } : settings;
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => void load(), [load]);
  if (!loaded) return null;
  const zh = lang === 'zh';

  const change = (next: Settings) => {
    setEdit({ of: settings, draft: next });
    setSaved(false);
  };
  const onSave = async () => {
    const problems = await save(draft);
    setErrors(problems);
    setSaved(problems.length === 0);
  };

  return (
    <main>
      <header className="page-header">
        <img src="/icon/32.png" alt="" />
        <h1>{t('appName', lang)} · {t('options', lang)}</h1>
      </header>
      <HealthBanners lang={lang} db={database.state === 'open' ? database.db : null} openFailure={database.state === 'failed' ? database.message : null} />
      {storedErrors.length > 0 && (
        <p className="banner" data-testid="stored-settings-errors">
          {zh ? '已保存的设置有误，已改用默认值：' : 'Stored settings had problems; defaults used for: '}
          {storedErrors.join('；')}
        </p>
      )}

      <section>
        <h2>{zh ? '显示哪些标注' : 'Badges to show'}</h2>
        <div className="kinds">
          {FINDING_KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                name={`badge-${kind}`}
                checked={draft.badgeKinds[kind]}
                onChange={(event) => change({ ...draft, badgeKinds: { ...draft.badgeKinds, [kind]: event.target.checked } })}
              />{' '}
              {KIND_LABELS[kind][lang]}
            </label>
          ))}
        </div>
      </section>

      <section>
        <h2>{zh ? '规则阈值' : 'Rule thresholds'}</h2>
        <table>
          <thead>
            <tr>
              <th>{zh ? '规则' : 'Rule'}</th>
              <th>{zh ? '值' : 'Value'}</th>
              <th>{zh ? '来源 · 可信度' : 'Source · confidence'}</th>
            </tr>
          </thead>
          <tbody>
            {POLICY_TABLE.map((entry) => (
              <tr key={entry.key}>
                <td>
                  {entry[lang]} <span className="muted">({entry.rule})</span>
                </td>
                <td>
                  <input
                    type="number"
                    name={`policy-${entry.key}`}
                    min={entry.min}
                    max={entry.max}
                    step={entry.unit === 'count' ? 1 : 0.5}
                    value={draft.policyOverrides[entry.key] ?? entry.default}
                    onChange={(event) => {
                      const overrides = { ...draft.policyOverrides };
                      const value = event.target.valueAsNumber;
                      if (Number.isNaN(value) || value === entry.default) delete overrides[entry.key];
                      else overrides[entry.key] = value;
                      change({ ...draft, policyOverrides: overrides });
                    }}
                  />{' '}
                  {unitLabel(entry.unit, zh)}
                </td>
                <td className="source muted">
                  {entry.source} · {entry.confidence}
                  {entry.heuristic && ` · ${t('heuristic', lang)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>{zh ? '历史记录与语言' : 'History and language'}</h2>
        <p>
          <label>
            {zh ? '已完结订单保留天数 ' : 'Keep closed orders for (days) '}
            <input
              type="number"
              name="retentionDays"
              min={RETENTION_DAYS.min}
              max={RETENTION_DAYS.max}
              value={draft.retentionDays}
              onChange={(event) => change({ ...draft, retentionDays: event.target.valueAsNumber })}
            />
          </label>
        </p>
        <p>
          <label>
            {zh ? '界面语言 ' : 'Language '}
            <select name="language" value={draft.language} onChange={(event) => change({ ...draft, language: event.target.value as Settings['language'] })}>
              <option value="auto">{zh ? '跟随浏览器' : 'Browser default'}</option>
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </label>
        </p>
        <p className="actions">
          <button type="button" className="primary" onClick={() => void onSave()}>
            {zh ? '保存' : 'Save'}
          </button>
          {saved && <span className="saved" data-testid="saved">{zh ? '已保存' : 'Saved'}</span>}
        </p>
        {errors.length > 0 && (
          <ul className="errors" data-testid="settings-errors">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </section>

      <TrackingSection lang={lang} db={database.state === 'open' ? database.db : null} />

      <NotificationSection lang={lang} />

      {database.state === 'open' && <BackupSection db={database.db} lang={lang} />}
    </main>
  );
}

/** Whether two settings differ at most in the parts their own sections save (tracking, notifications). */
function sameApartFromSections(a: Settings, b: Settings): boolean {
  return a === b || JSON.stringify({ ...a, tracking: null, notifications: null }) === JSON.stringify({ ...b, tracking: null, notifications: null });
}

function unitLabel(unit: string, zh: boolean): string {
  if (unit === 'hours') return zh ? '小时' : 'h';
  if (unit === 'days') return zh ? '天' : 'days';
  return zh ? '单' : 'orders';
}
