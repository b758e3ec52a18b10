import { useEffect, useRef, useState } from 'react';
import type { DashboardChartOption } from '@/lib/dashboard/chart-options';
import { errorMessage } from '@/lib/errors/error-message';
import { t } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/time/shanghai';

/**
 * One ECharts chart in a box of fixed height (reserved while the figures and the chart code load, so
 * nothing moves). `option` null: the figures are still coming.
 */
export function TrendChart({ option, lang, testId }: { option: DashboardChartOption | null; lang: Lang; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (option === null || element === null) return;
    let disposed = false;
    let dispose = () => {
      disposed = true;
    };
    import('./charts')
      .then(({ init }) => {
        if (disposed) return;
        const chart = init(element, null, { renderer: 'canvas', locale: lang === 'zh' ? 'ZH' : 'EN' });
        chart.setOption(option);
        setDrawn(true);
        const resize = new ResizeObserver(() => chart.resize());
        resize.observe(element);
        dispose = () => {
          resize.disconnect();
          chart.dispose();
        };
      })
      .catch((error: unknown) => setFailure(errorMessage(error)));
    return () => dispose();
  }, [option, lang]);
  return (
    <div className="chart-box" data-testid={testId} data-drawn={drawn}>
      {failure !== null ? (
        <p className="banner error">{t('dashboardChartFailed', lang, { reason: failure })}</p>
      ) : (
        <>
          {!drawn && <div className="skeleton chart-skeleton" role="status" aria-label={t('dashboardChartLoading', lang)} />}
          <div ref={box} className="chart" />
        </>
      )}
    </div>
  );
}
