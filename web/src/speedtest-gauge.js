// The speed-test gauge: an SVG arc on a log scale from 1 Mbit/s to 10 Gbit/s, the figure and the phase under it.
import { sig3 } from './speedtest-format.js';

export const COLOR = { download: '#4a2bd1', upload: '#21a39a' };

const G = { cx: 110, cy: 100, r: 80, from: 215, sweep: 250, min: 0, max: 4 };

function polar(angleDeg, r = G.r) {
  const a = angleDeg * Math.PI / 180;
  return [G.cx + r * Math.cos(a), G.cy - r * Math.sin(a)];
}

function arcPath(frac) {
  const f = Math.max(0.0005, Math.min(1, frac));
  const [x0, y0] = polar(G.from);
  const [x1, y1] = polar(G.from - G.sweep * f);
  return `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${G.r} ${G.r} 0 ${G.sweep * f > 180 ? 1 : 0} 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}

const gaugeFrac = mbps => (mbps > 0 ? (Math.log10(Math.max(1, mbps)) - G.min) / (G.max - G.min) : 0);

export class Gauge {
  constructor(svg) {
    this.svg = svg;
    const ticks = [[1, '1'], [10, '10'], [100, '100'], [1000, '1 G'], [10000, '10 G']].map(([v, label]) => {
      const a = G.from - G.sweep * gaugeFrac(v);
      const [x0, y0] = polar(a, G.r + 9);
      const [x1, y1] = polar(a, G.r + 3);
      const [tx, ty] = polar(a, G.r + 19);
      return `<line x1="${x0.toFixed(1)}" y1="${y0.toFixed(1)}" x2="${x1.toFixed(1)}" y2="${y1.toFixed(1)}" class="g-tick"/>`
        + `<text x="${tx.toFixed(1)}" y="${(ty + 3).toFixed(1)}" class="g-tick-label">${label}</text>`;
    }).join('');
    svg.innerHTML = `
      <path d="${arcPath(1)}" class="g-track"/>
      <path d="${arcPath(0)}" class="g-value" id="speedtest-gauge-value"/>
      ${ticks}
      <text x="${G.cx}" y="${G.cy - 8}" class="g-number" id="speedtest-gauge-number">—</text>
      <text x="${G.cx}" y="${G.cy + 10}" class="g-unit" id="speedtest-gauge-unit">Mbit/s</text>
      <text x="${G.cx}" y="${G.cy + 30}" class="g-phase" id="speedtest-gauge-phase">ready</text>`;
    this.value = svg.querySelector('#speedtest-gauge-value');
    this.number = svg.querySelector('#speedtest-gauge-number');
    this.phase = svg.querySelector('#speedtest-gauge-phase');
    this.unit = svg.querySelector('#speedtest-gauge-unit');
    this.set(null, null, 'ready');
  }

  set(mbps, kind, label) {
    this.svg.dataset.state = label;
    this.unit.textContent = 'Mbit/s';
    this.value.setAttribute('d', arcPath(mbps == null ? 0 : gaugeFrac(mbps)));
    this.value.style.visibility = mbps == null || mbps <= 0 ? 'hidden' : 'visible';
    this.value.style.stroke = COLOR[kind] || '#94a3b8';
    this.number.textContent = mbps == null ? '—' : sig3(mbps);
    this.phase.textContent = label;
  }

  /** The finished state: the download's arc and figure, "Mbit/s down", and "Done" with the upload under it. */
  done(down, up) {
    this.set(down, 'download', 'done');
    this.unit.textContent = 'Mbit/s down';
    this.phase.textContent = up != null ? `Done · ${sig3(up)} up` : 'Done';
  }
}
