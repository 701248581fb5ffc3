// "Use my location": the device's position, asked for only when the user taps the button (navigator.geolocation),
// with its accuracy; the nearest settlement is chosen for it. A refusal or a device that cannot tell is said plainly,
// and the settlement can still be chosen by name or on the map.
import { api } from './api.js';

const $ = id => document.getElementById(id);

const FAILURE = {
  1: 'Location not shared: permission was refused. Choose the settlement by name or on the map instead.',
  2: 'Your device could not tell its location. Choose the settlement by name or on the map instead.',
  3: 'Your device took too long to find its location. Try again, or choose the settlement by name or on the map.',
};

/** "± 35 m", "± 1.2 km". */
export const fmtAccuracy = m => (m == null || !Number.isFinite(m) ? '' : m < 1000 ? `± ${Math.round(m)} m` : `± ${(m / 1000).toFixed(1)} km`);

export class Geolocate {
  /** host: { located(point, settlement, distanceKm) } where point = { lon, lat, accuracyM }. */
  constructor(host) {
    this.host = host;
    $('speedtest-geolocate').addEventListener('click', () => this.locate());
  }

  status(text, state) {
    const el = $('speedtest-geo-status');
    el.textContent = text;
    el.dataset.state = state;
    el.hidden = !text;
  }

  locate() {
    if (!navigator.geolocation) {
      this.status('This browser cannot share its location. Choose the settlement by name or on the map instead.', 'unavailable');
      return;
    }
    const btn = $('speedtest-geolocate');
    btn.disabled = true;
    this.status('Asking your device for its location…', 'asking');
    navigator.geolocation.getCurrentPosition(async pos => {
      btn.disabled = false;
      const c = pos.coords;
      const point = { lon: Math.round(c.longitude * 1e5) / 1e5, lat: Math.round(c.latitude * 1e5) / 1e5, accuracyM: c.accuracy };
      let hit = null;
      try {
        const found = await api.nearestSettlements(point.lon, point.lat, 1);
        hit = Array.isArray(found) ? found[0] : null;
      } catch { /* the point is kept without a settlement */ }
      this.status(`Your location: ${point.lat.toFixed(5)}, ${point.lon.toFixed(5)} (${fmtAccuracy(c.accuracy)}).`, 'located');
      this.host.located(point, hit?.settlement || null, hit?.distanceKm ?? null);
    }, err => {
      btn.disabled = false;
      this.status(FAILURE[err?.code] || `Location not available: ${err?.message || 'unknown error'}.`, err?.code === 1 ? 'denied' : 'unavailable');
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }
}
