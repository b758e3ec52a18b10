// The dashboard's two charts as ECharts options, built from the trends alone (pure, so the labels and
// the data can be tested without a canvas). Colours and type follow the console: white, 12px, PDD red.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { KIND_LABELS } from '../findings/registry';
import { t } from '../i18n/messages';
import { instantFormatter } from '../explain/format-instant';
import { DAY_MS, type Lang } from '../time/shanghai';
import type { Trends } from './trends';

export type DashboardChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
>;

export const CHART_COLORS = { red: '#e02e24', warn: '#d46b08', info: '#0958d9', text: '#262626', muted: '#8c8c8c', line: '#f0f0f0' } as const;

/** Shared look: small type, light grid lines, legend on top, room for the axis labels and names. */
function frame(): DashboardChartOption {
  return {
    // ECharts writes a description of the chart and its data into the container's aria-label.
    aria: { enabled: true },
    textStyle: { fontSize: 12, color: CHART_COLORS.text },
    grid: { left: 48, right: 48, top: 44, bottom: 28 },
    // Centred: the axis names sit above the axes at both edges.
    legend: { top: 4, left: 'center', itemWidth: 12, itemHeight: 8 },
    tooltip: { trigger: 'axis', textStyle: { fontSize: 12 } },
  };
}

const axisLine = { lineStyle: { color: '#d9d9d9' } };
const splitLine = { lineStyle: { color: CHART_COLORS.line } };

/** Percent with one decimal, or null (a gap in the line) for a day without parcels in transit. */
export function percentOf(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** Today is not over: its bar is drawn lighter, labelled 今天, and its tooltip says until when it counts. */
const PARTIAL_DAY_OPACITY = 0.45;

/**
 * Orders at risk (bars, left axis) and the exception rate (line, right axis, %) per Beijing day ('MM-dd');
 * the last day, today, counts only up to the aggregation, which its label and tooltip say.
 */
export function riskChartOption(trends: Trends, lang: Lang, timeZone?: string): DashboardChartOption {
  const atRisk = t('dashboardAtRiskSeries', lang);
  const rate = t('dashboardExceptionSeries', lang);
  const format = instantFormatter(lang, timeZone);
  const partial = (index: number) => {
    const day = trends.days[index];
    return day !== undefined && day.endsAt < day.start + DAY_MS;
  };
  const soFar = (index: number) => (partial(index) ? t('dashboardSoFar', lang, { at: format(trends.days[index]!.endsAt) }) : '');
  return {
    ...frame(),
    xAxis: {
      type: 'category',
      data: trends.days.map((day, index) => (partial(index) ? t('dashboardToday', lang) : day.date.slice(5))),
      axisLine,
      axisTick: { show: false },
      axisLabel: { color: CHART_COLORS.muted, fontSize: 11 },
    },
    yAxis: [
      { type: 'value', name: t('dashboardOrdersAxis', lang), minInterval: 1, nameTextStyle: { color: CHART_COLORS.muted }, axisLabel: { color: CHART_COLORS.muted }, splitLine },
      { type: 'value', name: rate, min: 0, axisLabel: { color: CHART_COLORS.muted, formatter: '{value}%' }, nameTextStyle: { color: CHART_COLORS.muted }, splitLine: { show: false } },
    ],
    series: [
      {
        name: atRisk,
        type: 'bar',
        data: trends.days.map((day, index) => (partial(index) ? { value: day.atRisk, itemStyle: { opacity: PARTIAL_DAY_OPACITY } } : day.atRisk)),
        itemStyle: { color: CHART_COLORS.red },
        barMaxWidth: 14,
        tooltip: { valueFormatter: (value, index) => `${String(value)}${soFar(index)}` },
      },
      {
        name: rate,
        type: 'line',
        yAxisIndex: 1,
        data: trends.days.map((day) => percentOf(day.exceptionRate)),
        itemStyle: { color: CHART_COLORS.warn },
        lineStyle: { width: 2 },
        symbolSize: 4,
        tooltip: { valueFormatter: (value, index) => (typeof value === 'number' ? `${value}%${soFar(index)}` : t('dashboardNoFigure', lang)) },
      },
    ],
  };
}

/** Breaches avoided and incurred per clock kind over the 30 days (grouped bars). */
export function breachChartOption(trends: Trends, lang: Lang): DashboardChartOption {
  return {
    ...frame(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: 12 } },
    xAxis: {
      type: 'category',
      data: trends.breaches.map((tally) => KIND_LABELS[tally.kind][lang]),
      axisLine,
      axisTick: { show: false },
      axisLabel: { color: CHART_COLORS.text },
    },
    yAxis: { type: 'value', name: t('dashboardOrdersAxis', lang), minInterval: 1, nameTextStyle: { color: CHART_COLORS.muted }, axisLabel: { color: CHART_COLORS.muted }, splitLine },
    series: [
      { name: t('dashboardAvoided', lang), type: 'bar', data: trends.breaches.map((tally) => tally.avoided), itemStyle: { color: CHART_COLORS.info }, barMaxWidth: 28 },
      { name: t('dashboardIncurred', lang), type: 'bar', data: trends.breaches.map((tally) => tally.incurred), itemStyle: { color: CHART_COLORS.red }, barMaxWidth: 28 },
    ],
  };
}
