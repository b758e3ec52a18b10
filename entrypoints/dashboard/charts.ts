// ECharts with only the parts the dashboard draws (loaded on demand, after the page's first paint).
// ECharts' `use` registers parts; renamed so that it does not read as React's `use` hook.
import { init, use as registerChartParts } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

registerChartParts([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export { init };
