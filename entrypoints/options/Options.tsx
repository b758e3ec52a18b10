import { useEffect, useState } from 'react';
import { HealthBanners } from '@/components/HealthBanners';
import { useDatabase } from '@/components/use-database';
import { useSettings } from '@/components/settings-store';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { BadgeSection } from './BadgeSection';
import { DataSection } from './DataSection';
import { LanguageSection } from './LanguageSection';
import { NotificationSection } from './NotificationSection';
import { ThresholdSection } from './ThresholdSection';
import { TrackingSection } from './TrackingSection';
import { settingsProblemsText } from '@/lib/settings/settings-problem-text';

/** The sections in page order: the nav links to each by its anchor. */
const SECTIONS: ReadonlyArray<{ id: string; title: MessageKey }> = [
  { id: 'badges', title: 'optionsBadgesTitle' },
  { id: 'notifications', title: 'notifyTitle' },
  { id: 'tracking', title: 'trackingTitle' },
  { id: 'thresholds', title: 'optionsThresholdsTitle' },
  { id: 'data', title: 'optionsDataTitle' },
  { id: 'language', title: 'optionsLanguageTitle' },
];

/** Where a section counts as being read: its top has passed under the sticky header, give or take a line. */
const READING_LINE_PX = 96;

/**
 * The section the merchant is reading, for the nav to mark: the last one whose top has scrolled up to the reading
 * line, or the last section once the page is scrolled to its end (a short last section never reaches the line).
 */
function useCurrentSection(ready: boolean): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      // Scrolled to the end (not a page that fits the window whole, which is read from its top).
      const atEnd = window.scrollY > 0 && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      let reading: string | null = SECTIONS[0]?.id ?? null;
      for (const { id } of SECTIONS) {
        const top = document.getElementById(id)?.getBoundingClientRect().top;
        if (top !== undefined && (top <= READING_LINE_PX || atEnd)) reading = id;
      }
      setCurrent(reading);
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [ready]);
  return current;
}

/**
 * Settings, in sections a merchant can scan from the nav: 标注, 通知, 物流查询, 规则阈值, 数据, 语言. Each section
 * edits and saves its own part of the settings; the page follows saves made anywhere (the settings store watches).
 */
export function Options() {
  const { lang, loaded, storedErrors, readFailure, load } = useSettings();
  const database = useDatabase();
  useEffect(() => void load(), [load]);
  const db = database.state === 'open' ? database.db : null;
  const current = useCurrentSection(loaded);

  return (
    <>
      <header className="page-header">
        <img src="/icon/32.png" alt="" />
        <h1>
          {t('appName', lang)} · {t('options', lang)}
        </h1>
      </header>
      <div className="options-layout">
        <nav className="options-nav" aria-label={t('optionsNav', lang)}>
          <ul>
            {SECTIONS.map(({ id, title }) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={current === id ? 'location' : undefined}>
                  {t(title, lang)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main>
          <HealthBanners lang={lang} db={db} openFailure={database.state === 'failed' ? database.message : null} />
          {readFailure !== null && (
            <p className="banner error" role="alert" data-testid="stored-settings-errors">
              {t('optionsSettingsUnreadable', lang, { reason: readFailure })}
            </p>
          )}
          {storedErrors.length > 0 && (
            <p className="banner" role="alert" data-testid="stored-settings-errors">
              {t('optionsStoredSettingsErrors', lang)}
              {settingsProblemsText(storedErrors, lang)}
            </p>
          )}
          {loaded ? (
            <>
              <BadgeSection lang={lang} />
              <NotificationSection lang={lang} />
              <TrackingSection lang={lang} db={db} />
              <ThresholdSection lang={lang} />
              <DataSection lang={lang} db={db} dbFailure={database.state === 'failed' ? database.message : null} />
              <LanguageSection lang={lang} />
            </>
          ) : (
            <p className="loading muted" role="status">
              {t('optionsLoading', lang)}
            </p>
          )}
        </main>
      </div>
    </>
  );
}
