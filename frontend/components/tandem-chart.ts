import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
// Only the parts of ECharts that Tandem draws with: the full bundle is three times the size, and
// parsing it was a visible part of every screen's load time.
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
// No title and no ECharts aria (the element carries its own role and aria-label): the server sends neither.
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** A part of the option as the server sends it (parsed JSON); only the keys read or written here are touched. */
type Json = { [key: string]: unknown };

/** The part itself when it is an object, an empty one otherwise (a missing or scalar part). */
const json = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {});

/** What ECharts hands a click handler, as far as it is read here. */
interface ChartClick {
  value?: unknown;
  seriesId?: string;
  seriesIndex?: number;
  name?: string;
}

/** What a custom series' renderItem is given to read a data row and place it. */
interface IntervalApi {
  value(dimension: number): number | string;
  coord(point: (number | string)[]): number[];
}

/**
 * An ECharts chart whose option comes from the server as JSON.
 *
 * Series of the Tandem-only type "interval" ({type:'interval', data:[[low, estimate, high, label], …]}) are drawn as a
 * horizontal interval plot (a confidence interval per row with the estimate as a dot), which plain ECharts JSON cannot express.
 */
@customElement('tandem-chart')
export class TandemChart extends LitElement {
  static styles = css`
    :host {
      display: block;
      position: relative;
      width: 100%;
      min-height: 240px;
    }
    .chart {
      position: absolute;
      inset: 0;
    }
  `;

  /** The ECharts option as JSON text. */
  @property({ type: String }) option = '{}';

  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;
  private themeObserver?: MutationObserver;

  render() {
    return html`<div class="chart" role="img" aria-label=${this.getAttribute('aria-label') ?? 'chart'}></div>`;
  }

  private width = 0;
  private height = 0;

  firstUpdated() {
    // The size may have been reported before the container existed.
    if (!this.chart && this.width > 0 && this.height > 0) {
      this.init();
    }
  }

  connectedCallback() {
    super.connectedCallback();
    // The chart is drawn once the element has its size (the observer reports it first right after
    // observe()), and again only when that size changes: drawing at first render and then once
    // more for the layout's final size doubled the work of every screen load. This also draws
    // again when Vaadin detaches and re-attaches the element (the chart is disposed on detach).
    this.resizeObserver = new ResizeObserver(entries => {
      const { width, height } = entries[entries.length - 1].contentRect;
      if (width === 0 || height === 0) {
        return;
      }
      const changed = width !== this.width || height !== this.height;
      this.width = width;
      this.height = height;
      if (!this.chart) {
        this.init();
      } else if (changed) {
        this.chart.resize();
      }
    });
    this.resizeObserver.observe(this);
    // Re-create the chart when Lumo switches between light and dark (the server marks the body, the
    // page's head script the html element).
    this.themeObserver = new MutationObserver(() => this.init());
    this.themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
    this.themeObserver.observe(document.body, { attributes: true, attributeFilter: ['theme'] });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.themeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
    this.width = 0;
    this.height = 0;
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('option') && this.chart) {
      this.chart.setOption(this.buildOption(), true);
    }
  }

  private init() {
    const container = this.renderRoot.querySelector('.chart') as HTMLDivElement | null;
    if (!container) {
      return;
    }
    this.chart?.dispose();
    const dark = [document.documentElement, document.body].some(e => (e.getAttribute('theme') ?? '').includes('dark'));
    this.chart = echarts.init(container, dark ? 'dark' : undefined, { renderer: 'svg' });
    this.chart.setOption(this.buildOption(), true);
    // A click on a mark (bar, dot, interval) goes to the server, which may open what it counts.
    this.chart.on('click', (p: ChartClick) => {
      const value = Array.isArray(p.value) ? p.value : [];
      const last = value.length > 0 ? value[value.length - 1] : undefined;
      this.dispatchEvent(
        new CustomEvent('chart-click', {
          detail: {
            seriesId: String(p.seriesId ?? ''),
            seriesIndex: p.seriesIndex ?? -1,
            // The category: a bar's or line point's name, an interval row's label (its last value).
            name: p.name ? String(p.name) : typeof last === 'string' ? last : '',
          },
        }),
      );
    });
  }

  private buildOption(): echarts.EChartsCoreOption {
    const option: Json = JSON.parse(this.option || '{}');
    const style = getComputedStyle(this);
    const lumo = (name: string) => style.getPropertyValue(name).trim();
    // Lumo's own text and line colours, so that labels, legend and grid lines read as well in the
    // dark theme as in the light one (ECharts' defaults are dark grey on any background).
    const text = lumo('--lumo-body-text-color');
    const secondary = lumo('--lumo-secondary-text-color') || text;
    const faint = lumo('--lumo-contrast-10pct');
    const line = lumo('--lumo-contrast-50pct');
    const base = lumo('--lumo-base-color');
    option.backgroundColor = 'transparent';
    // Figures, not a show: the chart is drawn at once (an entry animation kept the CPU busy for a
    // second after every navigation).
    option.animation = false;
    option.textStyle = { fontFamily: lumo('--lumo-font-family'), ...(text ? { color: text } : {}) };
    if (text) {
      const each = (value: unknown, apply: (item: Json) => void) =>
        Array.isArray(value) ? value.forEach(item => apply(json(item))) : value && apply(json(value));
      const lineStyle = (value: unknown, color: string) => ({
        ...json(value),
        lineStyle: { ...json(json(value).lineStyle), color },
      });
      const axis = (a: Json) => {
        a.axisLabel = { ...json(a.axisLabel), color: secondary };
        a.nameTextStyle = { ...json(a.nameTextStyle), color: secondary };
        a.axisLine = lineStyle(a.axisLine, line);
        a.axisTick = lineStyle(a.axisTick, line);
        a.splitLine = lineStyle(a.splitLine, faint);
      };
      each(option.xAxis, axis);
      each(option.yAxis, axis);
      each(option.legend, l => {
        l.textStyle = { ...json(l.textStyle), color: text };
        l.pageTextStyle = { ...json(l.pageTextStyle), color: text };
        l.pageIconColor = text;
        l.pageIconInactiveColor = faint;
      });
      each(option.title, t => (t.textStyle = { ...json(t.textStyle), color: text }));
      each(option.tooltip, t => {
        t.backgroundColor = base || t.backgroundColor;
        t.borderColor = faint;
        t.textStyle = { ...json(t.textStyle), color: text };
      });
      each(option.series, s => {
        if (s.markLine) {
          const markLine = json(s.markLine);
          markLine.label = { color: text, ...json(markLine.label) };
        }
      });
    }
    if (Array.isArray(option.series)) {
      option.series = option.series.map(s => (json(s).type === 'interval' ? this.intervalSeries(json(s)) : s));
    }
    return option;
  }

  /** Data rows are [low, estimate, high, category]; the y axis is the category axis. */
  private intervalSeries(series: Json): Json {
    const color = series.color ?? '#1676f3';
    return {
      ...series,
      type: 'custom',
      encode: { x: [0, 1, 2], y: 3 },
      renderItem: (_params: unknown, api: IntervalApi) => {
        const y = api.value(3);
        const low = api.coord([api.value(0), y]);
        const mid = api.coord([api.value(1), y]);
        const high = api.coord([api.value(2), y]);
        const cap = 6;
        const line = { stroke: color, lineWidth: 2 };
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: line },
            { type: 'line', shape: { x1: low[0], y1: low[1] - cap, x2: low[0], y2: low[1] + cap }, style: line },
            { type: 'line', shape: { x1: high[0], y1: high[1] - cap, x2: high[0], y2: high[1] + cap }, style: line },
            { type: 'circle', shape: { cx: mid[0], cy: mid[1], r: 5 }, style: { fill: color } },
          ],
        };
      },
    };
  }
}
