// 此类稍后提醒, shown while one kind chip is chosen: that kind's desktop notifications wait an hour or until the
// merchant's 9:00, as a row's 稍后提醒 does (its orders stay listed); while they wait it says until when, with 撤销.
import { instantFormatter } from '@/lib/explain/format-instant';
import { KIND_LABELS, type FindingKind } from '@/lib/findings/registry';
import { t } from '@/lib/i18n/messages';
import type { SnoozeChoice } from '@/lib/notifications/mutes-item';
import type { Mutes } from '@/lib/notifications/types';
import type { Lang } from '@/lib/time/shanghai';

interface Props {
  kind: FindingKind;
  mutes: Mutes;
  now: number;
  lang: Lang;
  /** A choice snoozes the kind; null unmutes it. */
  onSnooze: (choice: SnoozeChoice | null) => void;
}

export function KindSnooze({ kind, mutes, now, lang, onSnooze }: Props) {
  const label = KIND_LABELS[kind][lang];
  const until = mutes.kinds[kind] ?? 0;
  if (until > now) {
    return (
      <p className="muted kind-snooze" data-testid="kind-snooze" data-kind={kind}>
        {t('popupKindSnoozedUntil', lang, { kind: label, at: instantFormatter(lang)(until) })}{' '}
        <button type="button" className="small" aria-label={t('popupKindUndoFor', lang, { kind: label })} onClick={() => onSnooze(null)}>
          {t('popupUndo', lang)}
        </button>
      </p>
    );
  }
  return (
    <p className="muted kind-snooze" role="group" data-testid="kind-snooze" data-kind={kind} aria-label={t('popupKindSnoozeFor', lang, { kind: label })}>
      {t('popupKindSnooze', lang)}{' '}
      <button type="button" className="small" onClick={() => onSnooze('hour')}>
        {t('popupSnooze1h', lang)}
      </button>{' '}
      <button type="button" className="small" onClick={() => onSnooze('morning')}>
        {t('popupSnoozeMorning', lang)}
      </button>
    </p>
  );
}
