import { t } from './i18n.js';
import { h } from './ui.js';

const PALETTE = ['#1f5fa8', '#b3541e', '#2e7d32', '#6a3d9a', '#8c6d1f', '#c2185b'];

/**
 * An ECharts chart (from its webjar) with its figures as a table beneath it, for screen readers
 * and for anyone who wants the numbers; the chart itself is an image to assistive technology.
 */
export function chart(titleKey, option, dataTable) {
  const canvas = h('div', { class: 'chart', role: 'img', 'aria-label': t(titleKey) });
  const holder = h('figure', { class: 'chart-figure' }, h('figcaption', {}, t(titleKey)), canvas,
    h('details', {}, h('summary', {}, t('chart.data')), dataTable));
  const draw = () => {
    if (!window.echarts || !canvas.isConnected) return requestAnimationFrame(draw);
    const instance = window.echarts.init(canvas, null, { renderer: 'canvas' });
    instance.setOption({ color: PALETTE, textStyle: { fontSize: 14 }, grid: { containLabel: true, left: 8, right: 8, top: 40, bottom: 8 }, ...option });
    new ResizeObserver(() => instance.resize()).observe(canvas);
  };
  requestAnimationFrame(draw);
  return holder;
}
