// The service-performance KPI: on-time first responses per week for 12 weeks as a chart and a
// table, median and p90 response times, open overdue tickets.
import {get} from './api.js';
import {h, fill} from './dom.js';
import {t} from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The ISO week (e.g. 2026-W06) of a date. */
export function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d - yearStart) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function chart(weeks) {
  const width = 720;
  const height = 240;
  const pad = {left: 40, right: 10, top: 10, bottom: 40};
  const bw = (width - pad.left - pad.right) / weeks.length;
  const root = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'kpi-chart-title', class: 'chart', id: 'kpi-chart'});
  root.appendChild(svg('title', {id: 'kpi-chart-title'}, t('kpi.rate')));
  const y = (rate) => pad.top + (1 - rate) * (height - pad.top - pad.bottom);
  for (const tick of [0, 0.5, 1]) {
    root.appendChild(svg('line', {x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick), class: 'grid'}));
    root.appendChild(svg('text', {x: pad.left - 4, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis'}, `${tick * 100}%`));
  }
  weeks.forEach((w, i) => {
    const x = pad.left + i * bw + bw * 0.15;
    const rate = w.figures.onTimeRate;
    if (rate !== null && rate !== undefined) {
      const bar = svg('rect', {x, y: y(rate), width: bw * 0.7, height: Math.max(1, y(0) - y(rate)), class: 'bar'});
      bar.appendChild(svg('title', {}, `${w.week}: ${Math.round(rate * 100)}%`));
      root.appendChild(bar);
      root.appendChild(svg('text', {x: x + bw * 0.35, y: y(rate) - 3, 'text-anchor': 'middle', class: 'value'}, `${Math.round(rate * 100)}%`));
    } else {
      root.appendChild(svg('text', {x: x + bw * 0.35, y: y(0) - 3, 'text-anchor': 'middle', class: 'value'}, '–'));
    }
    root.appendChild(svg('text', {x: x + bw * 0.35, y: height - pad.bottom + 16, 'text-anchor': 'middle', class: 'axis'}, w.week.slice(5)));
  });
  return root;
}

export async function renderKpi(main) {
  const weeks = [];
  const now = new Date();
  for (let i = 11; i >= 0; i--) weeks.push(isoWeek(new Date(now.getTime() - i * 7 * 86400000)));
  const reports = await Promise.all(weeks.map((w) => get('/kpis/response-time?week=' + w)));
  const data = reports.map((r, i) => ({week: weeks[i], figures: r.overall}));
  const latest = data[data.length - 1].figures;
  const num = (v) => (v === null || v === undefined ? '–' : String(v));
  fill(main, h('section', {class: 'kpi-view'},
    h('h1', {}, t('kpi.title')),
    h('dl', {class: 'kpi-figures'},
      h('div', {}, h('dt', {}, t('kpi.overdue')), h('dd', {id: 'kpi-overdue'}, num(latest.openOverdue))),
      h('div', {}, h('dt', {}, t('kpi.median')), h('dd', {}, num(latest.medianWorkingHours))),
      h('div', {}, h('dt', {}, t('kpi.p90')), h('dd', {}, num(latest.p90WorkingHours)))),
    h('h2', {}, t('kpi.rate')),
    chart(data),
    h('div', {class: 'table-wrap'}, h('table', {class: 'kpi-table'},
      h('thead', {}, h('tr', {}, ['kpi.week', 'kpi.responses', 'kpi.onTime', 'kpi.median', 'kpi.p90'].map((k) => h('th', {scope: 'col'}, t(k))))),
      h('tbody', {}, data.map((d) => h('tr', {},
        h('th', {scope: 'row'}, d.week), h('td', {}, String(d.figures.firstResponses)),
        h('td', {}, d.figures.onTimeRate === null ? t('kpi.noData') : `${Math.round(d.figures.onTimeRate * 100)}%`),
        h('td', {}, num(d.figures.medianWorkingHours)), h('td', {}, num(d.figures.p90WorkingHours)))))))));
}
