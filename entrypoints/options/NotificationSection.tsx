import { useId, useState } from 'react';
import { useDraft } from './use-draft';
import { useSettings } from '@/components/settings-store';
import { errorMessage } from '@/lib/errors/error-message';
import { KIND_LABELS } from '@/lib/findings/registry';
import { t } from '@/lib/i18n/messages';
import { sendMessage } from '@/lib/messages/protocol';
import { candidateOf, formOf, type NotificationForm } from '@/lib/settings/notification-form';
import { LEAD_TIME_KINDS, NOTIFY_ANOMALY_KINDS } from '@/lib/settings/notification-settings';
import type { Lang } from '@/lib/time/shanghai';
import { ResultLine, type Result } from '@/components/ResultLine';
import { settingsProblemsText } from '@/lib/settings/settings-problem-text';

/**
 * 通知: whether desktop notifications are on, the lead times per clock kind, which anomalies notify at once, quiet
 * hours, digests, sound, and 发送测试通知. Saves its own part with its own button; the background reads the saved
 * settings on every run, so a change applies without a reload.
 */
export function NotificationSection({ lang }: { lang: Lang }) {
  const { settings, saveNotifications } = useSettings();
  // Like the other sections: an edit of the saved part it was made from, dropped when that part changes.
  const { draft, change: changeDraft, dirty } = useDraft(settings.notifications, formOf);
  const [saveResult, setSaveResult] = useState<Result>(null);
  const [testResult, setTestResult] = useState<Result>(null);
  const [testing, setTesting] = useState(false);
  const headingId = useId();
  const idBase = useId();

  const change = (next: Partial<NotificationForm>) => {
    changeDraft({ ...draft, ...next });
    setSaveResult(null);
  };
  const onSave = async () => {
    const candidate = candidateOf(draft);
    if (!candidate.ok) {
      setSaveResult({ ok: false, text: candidate.notNumbers.map(({ kind, text }) => t('notifyLeadNotNumber', lang, { kind: KIND_LABELS[kind][lang], text })).join('；') });
      return;
    }
    const problems = await saveNotifications(candidate.notifications);
    setSaveResult(problems.length === 0 ? { ok: true, text: t('saved', lang) } : { ok: false, text: settingsProblemsText(problems, lang) });
  };
  const onTest = async () => {
    setTesting(true);
    setTestResult(null);
    try {
      const reply = await sendMessage('sendTestNotification', undefined);
      setTestResult({ ok: reply.ok, text: reply.message[lang] });
    } catch (error) {
      setTestResult({ ok: false, text: t('testNotificationFailed', lang, { reason: errorMessage(error) }) });
    } finally {
      setTesting(false);
    }
  };

  return (
    <section id="notifications" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('notifyTitle', lang)}
        {dirty && <span className="unsaved">{t('optionsUnsaved', lang)}</span>}
      </h2>
      <p className="muted">{t('notifyIntro', lang)}</p>
      <p>
        <label>
          <input type="checkbox" name="notifyEnabled" checked={draft.enabled} onChange={(event) => change({ enabled: event.target.checked })} /> {t('notifyEnabled', lang)}
        </label>
      </p>

      <h3>{t('notifyLeadTimes', lang)}</h3>
      <table>
        <tbody>
          {LEAD_TIME_KINDS.map((kind) => (
            <tr key={kind}>
              <td>
                <label htmlFor={`${idBase}-lead-${kind}`}>{KIND_LABELS[kind][lang]}</label>
              </td>
              <td>
                <input
                  id={`${idBase}-lead-${kind}`}
                  name={`notifyLead-${kind}`}
                  aria-label={t('notifyLeadLabel', lang, { kind: KIND_LABELS[kind][lang] })}
                  aria-describedby={`${idBase}-lead-hint`}
                  inputMode="decimal"
                  autoComplete="off"
                  size={12}
                  value={draft.leadText[kind]}
                  onChange={(event) => change({ leadText: { ...draft.leadText, [kind]: event.target.value } })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id={`${idBase}-lead-hint`} className="muted source">
        {t('notifyLeadHint', lang)}
      </p>

      <h3>{t('notifyAnomalies', lang)}</h3>
      <div className="kinds">
        {NOTIFY_ANOMALY_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              name={`notify-${kind}`}
              checked={draft.anomalies[kind]}
              onChange={(event) => change({ anomalies: { ...draft.anomalies, [kind]: event.target.checked } })}
            />{' '}
            {KIND_LABELS[kind][lang]}
          </label>
        ))}
      </div>

      <h3>{t('notifyQuietHours', lang)}</h3>
      <p className="actions">
        <label>
          <input type="checkbox" name="notifyQuiet" checked={draft.quiet} onChange={(event) => change({ quiet: event.target.checked })} /> {t('notifyQuietHours', lang)}
        </label>
        <input
          type="time"
          name="notifyQuietStart"
          aria-label={t('notifyQuietStart', lang)}
          disabled={!draft.quiet}
          value={draft.quietStart}
          onChange={(event) => change({ quietStart: event.target.value })}
        />
        –
        <input
          type="time"
          name="notifyQuietEnd"
          aria-label={t('notifyQuietEnd', lang)}
          disabled={!draft.quiet}
          value={draft.quietEnd}
          onChange={(event) => change({ quietEnd: event.target.value })}
        />
        <span className="muted source">{t('notifyQuietHint', lang)}</span>
      </p>

      <p>
        <label>
          <input type="checkbox" name="notifyDigest" checked={draft.digest} onChange={(event) => change({ digest: event.target.checked })} /> {t('notifyDigest', lang)}
        </label>
      </p>
      <p>
        <label>
          <input type="checkbox" name="notifySound" checked={draft.sound} onChange={(event) => change({ sound: event.target.checked })} /> {t('notifySound', lang)}
        </label>
      </p>

      <p className="actions">
        <button type="button" className="primary" onClick={() => void onSave()}>
          {t('saveNotifications', lang)}
        </button>
        <button type="button" disabled={testing} onClick={() => void onTest()}>
          {testing ? t('sendingTestNotification', lang) : t('sendTestNotification', lang)}
        </button>
      </p>
      <ResultLine result={saveResult} testId="notification-save-result" />
      <ResultLine result={testResult} testId="test-notification-result" />
    </section>
  );
}

