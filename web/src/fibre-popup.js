// The fibre routes under the pointer: a hover label (through map.js's wirePointer overlays) and, on a click, the
// route's popup with both ends (buttons opening their cards), its length, cost and how it is built. onRoute hears the
// ends of the route whose popup opens, and null when it closes (for the URL).
// Hooks for the browser tests: .fibre-popup .fibre-pop, .fibre-pop-km, .fibre-pop-cost.
import { esc, fmtInt, fmtNum } from './format.js';
import { costClass, fmtKm, fmtTenge } from './fibre-format.js';

const L = window.L;

/**
 * The pointer overlay of the routes and the opener of a route's popup (open(i, latlng), i an index into state.routes).
 * @param {{state: import('./fibre-state.js').FibreState, layer: import('./fibre-layer.js').FibreLayer,
 *          isOn: () => boolean, onOpenSettlement: (id: string) => void, onRoute: (ends: string[]|null) => void}} opts
 */
export function routePointer({ state, layer, isOn, onOpenSettlement, onRoute }) {
  const open = (i, latlng) => openRoute({ state, layer, onOpenSettlement, onRoute }, i, latlng);
  const overlay = {
    above: false,   // points first: their card matters more than the route under them
    tipClass: 'tip-fibre',
    active: () => isOn() && layer.map.hasLayer(layer.layer) && state.routes.length > 0,
    hitTest: cp => layer.routeAt(cp),
    describe: i => {
      if (state.popup && state.popup.isOpen() && state.popup._route === i) return '';   // its popup says it all
      const p = state.routes[i].props;
      return `<b>${esc(p.fromName || p.from)} — ${esc(p.toName || p.to)}</b> <span class="tip-kind">planned fibre</span><br>` +
        `${esc(fmtKm(p.km))} · ${esc(fmtTenge(p.costTenge))} · ${esc(costClass(p.costClass).label.toLowerCase())}`;
    },
    click: (i, e) => open(i, e?.latlng),
  };
  return { overlay, open };
}

function openRoute({ state, layer, onOpenSettlement, onRoute }, i, latlng) {
  const r = state.routes[i];
  if (!r) return;
  const p = r.props;
  const plan = state.plan;
  const at = latlng || L.latLngBounds(r.latlngs).getCenter();
  const perKm = plan?.assumptions?.tengePerKm?.[p.costClass];
  const place = (id, name) => `<button type="button" class="link-button fibre-open" data-id="${esc(id)}" title="Open the settlement card">${esc(name || id)}</button>`;
  const popup = L.popup({ maxWidth: 340, minWidth: 240, className: 'fibre-popup', autoPanPaddingTopLeft: [layer.padding().paddingTopLeft[0], 20] })
    .setLatLng(at)
    .setContent(`
      <div class="fibre-pop" data-from="${esc(p.from)}" data-to="${esc(p.to)}">
        <div class="fibre-pop-head"><span class="fibre-pop-title">Planned fibre route</span>
          ${plan?.network === 'proxy' ? '<span class="badge fibre-badge-proxy">proxy</span>' : ''}</div>
        <div class="fibre-pop-ends">${place(p.from, p.fromName)} <span class="muted">—</span> ${place(p.to, p.toName)}</div>
        <dl class="site-facts fibre-pop-facts">
          <div><dt>Length</dt><dd class="fibre-pop-km">${esc(fmtKm(p.km))}</dd></div>
          <div><dt>Cost</dt><dd class="fibre-pop-cost" title="${esc(fmtInt(p.costTenge))} tenge">${esc(fmtTenge(p.costTenge))}</dd></div>
          <div class="fibre-pop-built"><dt>Built</dt><dd>${esc(costClass(p.costClass).label.toLowerCase())}${perKm ? ` at ${esc(fmtTenge(perKm))}/km` : ''}${plan?.network === 'proxy' ? ` <span class="muted">(× ${esc(fmtNum(plan.assumptions?.detour))} straight line)</span>` : ''}</dd></div>
        </dl>
      </div>`)
    .openOn(layer.map);
  popup._route = i;
  state.popup = popup;
  popup.on('remove', () => {
    if (state.popup !== popup) return;
    state.popup = null;
    onRoute(null);
  });
  onRoute([String(p.from), String(p.to)]);
  popup.getElement()?.querySelectorAll('.fibre-open').forEach(b => b.addEventListener('click', () => {
    layer.map.closePopup(popup);
    onOpenSettlement(b.dataset.id);
  }));
  return popup;
}
