// The scorecard's figures as text: hours with one decimal and their unit, shares as percentages.
import { t } from '../i18n/messages';
import { HOUR_MS, type Lang } from '../time/shanghai';

export function formatHours(ms: number | null, lang: Lang): string {
  return ms === null ? t('dashboardNoFigure', lang) : t('dashboardHours', lang, { n: (ms / HOUR_MS).toFixed(1) });
}

export function formatShare(share: number | null, lang: Lang): string {
  return share === null ? t('dashboardNoFigure', lang) : `${(share * 100).toFixed(1)}%`;
}
