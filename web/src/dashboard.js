// Progress dashboard: national KPIs, targets, timeline chart and a sortable per-region table.
import { api, buildUrl } from './api.js';
import { showError } from './notify.js';
import { esc, fmtInt, fmtPct, fmtDate, METRICS } from './format.js';
import { populationBase, popCell, coincidences } from './progress-figures.js';

const $ = id => document.getElementById(id);
const toTime = iso => Date.parse(String(iso).slice(0, 10) + 'T00:00:00Z');

const share = (p, m) => p?.[m]?.share;
const popShare = (p, m) => p?.[m]?.populationShare;

const COLUMNS = [
  { key: 'name', label: 'Region', type: 'text', get: r => r.name || r.code },
  { key: 'settlements', label: 'Settlements', type: 'num', get: r => r.settlements },
  { key: 'population', label: 'Population', type: 'pop', get: r => r.population },
  { key: 'fibre', label: 'Fibre', type: 'share', metric: 'fibre', get: r => share(r, 'fibre') },
  { key: 'broadband', label: 'Broadband', type: 'share', metric: 'broadband', get: r => share(r, 'broadband') },
  { key: 'mbps100', label: '≥ 100 Mbps', type: 'share', metric: 'mbps100', get: r => share(r, 'mbps100') },
  { key: 'popFibre', label: 'Pop. fibre', type: 'share', metric: 'fibre', get: r => popShare(r, 'fibre') },
  { key: 'popMbps100', label: 'Pop. ≥ 100 Mbps', type: 'share', metric: 'mbps100', get: r => popShare(r, 'mbps100') },
  { key: 'unknown', label: 'Status unknown', type: 'num', get: r => r.unknown },
];

export class Dashboard {
  /** @param {{onRegion?: (code: string) => void, onData?: (progress) => void}} opts */
  constructor({ onRegion, onData } = {}) {
    this.onRegion = onRegion;
    this.onData = onData;
    this.scope = 'rural';
    this.data = null;
    this.chart = null;
    this.sort = { key: 'name', dir: 1 };
    this.seq = 0;
    this.table = $('dash-regions');
    for (const id of ['dash-scope-rural', 'dash-scope-all']) {
      $(id).addEventListener('change', e => { if (e.target.checked) this.load(e.target.value); });
    }
    this.table.querySelector('thead').addEventListener('click', e => {
      const th = e.target.closest('th[data-key]');
      if (!th) return;
      const key = th.dataset.key;
      this.sort = this.sort.key === key ? { key, dir: -this.sort.dir } : { key, dir: key === 'name' ? 1 : -1 };
      this._renderTable();
    });
    this.table.querySelector('thead').addEventListener('keydown', e => {
      if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('th[data-key]')) { e.preventDefault(); e.target.click(); }
    });
    this.table.querySelector('tbody').addEventListener('click', e => {
      const b = e.target.closest('button[data-region]');
      if (b && this.onRegion) this.onRegion(b.dataset.region);
    });
  }

  /** Loads /api/progress for a scope ("rural" | "all") and renders everything. */
  async load(scope = this.scope) {
    this.scope = scope;
    $(`dash-scope-${scope}`).checked = true;
    $('dash-export-csv').href = buildUrl('/api/progress', { scope, format: 'csv' });
    const seq = ++this.seq;
    document.body.dataset.dashboard = 'loading';
    try {
      const data = await api.progress({ scope });
      if (seq !== this.seq) return;
      this.data = data;
      this._render();
      this.onData?.(data);
      document.body.dataset.dashboard = 'ready';
    } catch (e) {
      if (seq !== this.seq) return;
      document.body.dataset.dashboard = 'error';
      showError(e, 'Progress');
    }
  }

  get asOf() { return this.data?.asOf || null; }

  _render() {
    const d = this.data;
    const n = d.national || {};
    const scopeWord = d.scope === 'all' ? '' : 'rural ';
    $('dash-synthetic').hidden = !d.synthetic;
    $('dash-asof').textContent = d.asOf ? `as of ${fmtDate(d.asOf)}` : '';

    const setKpi = (id, value, sub) => {
      $(id).textContent = fmtPct(value);
      $(id.replace('-share', '-sub')).textContent = sub;
    };
    const popBase = populationBase(n, scopeWord);
    for (const m of ['fibre', 'mbps100', 'broadband']) {
      const x = n[m] || {};
      setKpi(`dash-${m}-share`, x.share, `${fmtInt(x.settlements)} of ${fmtInt(n.settlements)} ${scopeWord}settlements`);
      if (x.populationShare == null) {
        $(`dash-pop-${m}-share`).textContent = '–';
        $(`dash-pop-${m}-sub`).textContent = `not known: ${popBase}`;
      } else {
        setKpi(`dash-pop-${m}-share`, x.populationShare, `${fmtInt(x.population)} of ${fmtInt(n.population)} people, ${popBase}`);
      }
    }
    const notes = [];
    if (n.populationKnown != null && n.settlements != null && n.populationKnown < n.settlements) {
      notes.push(`Population shares count the ${fmtInt(n.populationKnown)} of ${fmtInt(n.settlements)} ${scopeWord}settlements whose population is known; regions marked * rest on some of their settlements only.`);
    }
    if (n.unknown) notes.push(`${fmtInt(n.unknown)} settlements have no connectivity record (status unknown) and count as not connected.`);
    if (d.synthetic) notes.push('Connectivity is a synthetic scenario.');
    $('dash-pop-note').textContent = notes.join(' ');

    this._renderTargets();
    this._renderTable();
    this._renderChart();
  }

  _renderTargets() {
    const targets = this.data.targets || [];
    $('dash-targets').innerHTML = targets.length ? targets.map(t => {
      const cur = t.current ?? share(this.data.national, t.metric);
      const pct = Math.max(0, Math.min(100, (cur || 0) * 100));
      const goal = Math.max(0, Math.min(100, (t.share || 0) * 100));
      const color = METRICS[t.metric]?.color || '#555';
      const gap = t.share != null && cur != null && this.data.scope !== 'all' && this.data.national?.settlements
        ? Math.max(0, Math.ceil((t.share - cur) * this.data.national.settlements - 1e-9)) : null;
      return `
        <div class="target ${t.met ? 'is-met' : 'is-open'}" data-target="${esc(t.id)}">
          <div class="target-head">
            <span class="target-label">${esc(t.label)}</span>
            <span class="badge ${t.met ? 'badge-ok' : 'badge-open'}">${t.met ? 'Met' : 'Not met'}</span>
          </div>
          <div class="target-bar" role="img" aria-label="${esc(fmtPct(cur))} of ${esc(fmtPct(t.share))}">
            <span class="target-fill" style="width:${pct}%;background:${color}"></span>
            <span class="target-goal" style="left:${goal}%"></span>
          </div>
          <div class="target-foot">
            <span><b>${esc(fmtPct(cur))}</b> now · goal ${esc(fmtPct(t.share))} by ${esc(fmtDate(t.by))}</span>
            ${gap ? `<span class="muted">${fmtInt(gap)} settlements to go</span>` : ''}
          </div>
          ${t.projected != null ? `<div class="target-proj muted">On the current trend: ${esc(fmtPct(t.projected))} by ${esc(fmtDate(t.by))}</div>` : ''}
        </div>`;
    }).join('') : '<div class="muted">No targets defined.</div>';
  }

  _renderTable() {
    const rows = [...(this.data?.regions || [])];
    const col = COLUMNS.find(c => c.key === this.sort.key) || COLUMNS[0];
    const dir = this.sort.dir;
    rows.sort((a, b) => {
      const va = col.get(a), vb = col.get(b);
      if (va == null && vb == null) return 0;
      if (va == null) return 1;
      if (vb == null) return -1;
      return (col.type === 'text' ? String(va).localeCompare(String(vb)) : va - vb) * dir;
    });
    this.table.querySelector('thead').innerHTML = '<tr>' + COLUMNS.map(c => {
      const sorted = c.key === this.sort.key;
      const aria = sorted ? (dir > 0 ? 'ascending' : 'descending') : 'none';
      return `<th data-key="${c.key}" class="${c.type !== 'text' ? 'num' : ''}${sorted ? ' sorted' : ''}" aria-sort="${aria}" tabindex="0" title="Sort by ${esc(c.label)}">${esc(c.label)}<span class="sort-arrow">${sorted ? (dir > 0 ? '▲' : '▼') : ''}</span></th>`;
    }).join('') + '</tr>';
    const scopeWord = this.data?.scope === 'all' ? '' : 'rural ';
    const cell = (c, r) => {
      const v = c.get(r);
      if (c.type === 'share') {
        const w = v == null ? 0 : Math.max(0, Math.min(100, v * 100));
        return `<td class="num share-cell"><span class="track"><span class="bar" style="width:${w}%;background:${METRICS[c.metric].color}"></span></span><span class="v">${esc(fmtPct(v))}</span></td>`;
      }
      if (c.type === 'num') return `<td class="num">${esc(fmtInt(v))}</td>`;
      if (c.type === 'pop') return popCell(r, scopeWord);
      return `<td><button type="button" class="link-button region-link" data-region="${esc(r.code)}" title="Figures of ${esc(v)}">${esc(v)}</button></td>`;
    };
    this.table.querySelector('tbody').innerHTML = rows.map(r => `<tr data-code="${esc(r.code)}">${COLUMNS.map(c => cell(c, r)).join('')}</tr>`).join('');
    const n = this.data?.national;
    this.table.querySelector('tfoot').innerHTML = n ? `<tr>${COLUMNS.map(c => c.key === 'name'
      ? '<td>Kazakhstan</td>'
      : (c.type === 'share' ? `<td class="num">${esc(fmtPct(c.get(n)))}</td>` : c.type === 'pop' ? popCell(n, scopeWord) : `<td class="num">${esc(fmtInt(c.get(n)))}</td>`)).join('')}</tr>` : '';
  }

  _renderChart() {
    const canvas = $('progress-chart');
    if (!window.Chart || !canvas) return;
    const tl = [...(this.data.timeline || [])].sort((a, b) => String(a.date).localeCompare(String(b.date)));
    const targets = this.data.targets || [];
    // Lines that coincide stay visible: ≥ 100 Mbps is drawn wide and translucent underneath, fibre solid on top,
    // broadband dashed; each line has its own point style, and the legend says where one lies on another.
    const ORDER = { fibre: 1, broadband: 2, mbps100: 3 };
    const STYLE = {
      fibre: { dash: [], width: 2.2, point: 'circle' },
      broadband: { dash: [7, 4], width: 2.2, point: 'triangle' },
      mbps100: { dash: [], width: 6, point: 'rect' },
    };
    const same = coincidences(tl);
    const datasets = ['fibre', 'broadband', 'mbps100'].map(m => ({
      label: METRICS[m].label + (same[m] ? ` (${same[m]})` : ''),
      data: tl.filter(p => p[m] != null).map(p => ({ x: toTime(p.date), y: p[m] * 100 })),
      borderColor: m === 'mbps100' ? 'rgba(228, 87, 46, 0.5)' : METRICS[m].color,
      backgroundColor: METRICS[m].color,
      borderWidth: STYLE[m].width,
      borderDash: STYLE[m].dash,
      order: ORDER[m],
      pointStyle: STYLE[m].point,
      pointRadius: tl.length > 24 ? 0 : 3,
      pointHoverRadius: 5,
      tension: 0,
      metric: m,
    }));
    canvas.dataset.coincide = Object.entries(same).map(([m, text]) => `${m}: ${text}`).join('; ');
    // Targets: a dashed line from the latest actual value to the target point at its deadline.
    for (const t of targets) {
      const color = METRICS[t.metric]?.color || '#555';
      const last = [...tl].reverse().find(p => p[t.metric] != null);
      const pts = [];
      if (last) pts.push({ x: toTime(last.date), y: last[t.metric] * 100 });
      pts.push({ x: toTime(t.by), y: t.share * 100, target: t });
      datasets.push({
        label: `Target: ${t.label}`,
        data: pts,
        borderColor: color,
        backgroundColor: '#fff',
        borderDash: [6, 5],
        borderWidth: 1.5,
        pointStyle: 'rectRot',
        pointRadius: ctx => (ctx.raw?.target ? 7 : 0),
        pointBorderWidth: 2,
        pointBorderColor: color,
        pointHoverRadius: 8,
        clip: 12,
        order: 0,
        isTarget: true,
      });
    }
    const xs = datasets.flatMap(ds => ds.data.map(p => p.x)).filter(Number.isFinite);
    const minX = xs.length ? Math.min(...xs) : Date.now();
    const maxX = xs.length ? Math.max(...xs) : Date.now();
    const pad = 60 * 86400000;
    const options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      layout: { padding: { top: 10, right: 8 } },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            boxWidth: 14, boxHeight: 2, font: { size: 11 },
            filter: item => !datasets[item.datasetIndex]?.isTarget,
          },
        },
        tooltip: {
          callbacks: {
            title: items => items.length ? new Date(items[0].parsed.x).toISOString().slice(0, 10) : '',
            label: item => item.raw?.target
              ? `${item.raw.target.label} (${fmtPct(item.raw.target.share)} by ${fmtDate(item.raw.target.by)})`
              : `${item.dataset.isTarget ? 'Now' : item.dataset.label}: ${fmtPct(item.parsed.y / 100)}`,
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: minX - pad,
          max: maxX + pad,
          ticks: {
            stepSize: 365.25 * 86400000,
            callback: v => new Date(v).getUTCFullYear(),
            font: { size: 11 },
          },
          afterBuildTicks: axis => {
            // One tick per 1 January.
            const first = new Date(axis.min).getUTCFullYear() + 1, last = new Date(axis.max).getUTCFullYear();
            const ticks = [];
            for (let y = first; y <= last; y++) ticks.push({ value: Date.UTC(y, 0, 1) });
            axis.ticks = ticks;
          },
          grid: { color: '#eef1f4' },
        },
        y: {
          min: 0,
          max: 100,
          ticks: { callback: v => v + '%', stepSize: 20, font: { size: 11 } },
          grid: { color: '#eef1f4' },
        },
      },
    };
    if (this.chart) {
      this.chart.data.datasets = datasets;
      this.chart.options = options;
      this.chart.update('none');
    } else {
      this.chart = new window.Chart(canvas, { type: 'line', data: { datasets }, options });
    }
    canvas.dataset.points = String(datasets.reduce((s, d) => s + d.data.length, 0));
  }
}
