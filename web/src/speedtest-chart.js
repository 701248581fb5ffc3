// The speed test's live chart: instantaneous and running-mean throughput of each direction (Chart.js).
import { fmtSpeed } from './speedtest-format.js';
import { COLOR } from './speedtest-gauge.js';

const PHASE_LABEL = { download: 'Download', upload: 'Upload' };

export class LiveChart {
  constructor(canvas, nominalS) {
    this.chart = null;
    if (!window.Chart || !canvas) return;
    const ds = (kind, mean) => ({
      label: mean ? `${PHASE_LABEL[kind]} (running mean)` : PHASE_LABEL[kind],
      data: [],
      borderColor: COLOR[kind],
      backgroundColor: mean ? COLOR[kind] : COLOR[kind] + '1f',
      borderWidth: mean ? 1.4 : 2,
      borderDash: mean ? [5, 4] : [],
      fill: !mean,
      pointRadius: 0,
      cubicInterpolationMode: 'monotone',
      kind,
    });
    this.chart = new window.Chart(canvas, {
      type: 'line',
      data: { datasets: [ds('download', false), ds('download', true), ds('upload', false), ds('upload', true)] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14, boxHeight: 2, font: { size: 11 } } },
          tooltip: { callbacks: { title: items => items.length ? `${items[0].parsed.x.toFixed(2)} s` : '', label: i => `${i.dataset.label}: ${fmtSpeed(i.parsed.y)}` } },
        },
        scales: {
          x: { type: 'linear', min: 0, suggestedMax: nominalS, title: { display: true, text: 'seconds since the direction started', font: { size: 11 } }, ticks: { font: { size: 11 } }, grid: { color: '#eef1f4' } },
          y: { type: 'linear', beginAtZero: true, title: { display: true, text: 'Mbit/s', font: { size: 11 } }, ticks: { font: { size: 11 } }, grid: { color: '#eef1f4' } },
        },
      },
    });
  }

  point(kind, t, inst, mean) {
    if (!this.chart) return;
    const [a, b] = kind === 'download' ? [0, 1] : [2, 3];
    if (inst != null && Number.isFinite(inst)) this.chart.data.datasets[a].data.push({ x: t, y: inst });
    if (mean != null && Number.isFinite(mean)) this.chart.data.datasets[b].data.push({ x: t, y: mean });
    const now = performance.now();
    if (!this._at || now - this._at > 200) {
      this._at = now;
      this.chart.update('none');
    }
  }

  flush() {
    this.chart?.update('none');
  }

  reset() {
    if (!this.chart) return;
    for (const d of this.chart.data.datasets) d.data = [];
    this.chart.update('none');
  }
}
