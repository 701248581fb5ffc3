// Sign-in for the browser: a "Sign in" button in the header opens a small form (user, password); POST /api/auth/login
// sets an HttpOnly SameSite=Strict session cookie and answers the anti-forgery token, which api.js sends as
// X-Dala-Csrf with every write. Anonymous visitors read the published data; a write while signed out answers 401
// with a clear message, and the form opens. GET /api/auth/me restores the state after a reload.
import { setCsrf, sendJson, getJson, ApiError } from './api.js';
import { showError } from './notify.js';

const $ = id => document.getElementById(id);

export class Auth {
  constructor() {
    this.me = { signedIn: false };
    $('auth-signin').addEventListener('click', () => this.open());
    $('auth-signout').addEventListener('click', () => this.signOut());
    $('auth-cancel').addEventListener('click', () => this.close());
    $('auth-form').addEventListener('submit', e => { e.preventDefault(); this.signIn(); });
    window.addEventListener('dala:signin-needed', () => { if (!this.me.signedIn) this.open(); });
  }

  async load() {
    try {
      this.set(await getJson('/api/auth/me'));
    } catch {
      this.set({ signedIn: false });
    }
  }

  set(me) {
    this.me = me || { signedIn: false };
    setCsrf(this.me.signedIn ? this.me.csrf : null);
    document.body.dataset.auth = this.me.signedIn ? this.me.role : 'anonymous';
    $('auth-signin').hidden = this.me.signedIn;
    $('auth-user').hidden = !this.me.signedIn;
    $('auth-name').textContent = this.me.signedIn
      ? `${this.me.actor.replace(/^user:/, '')} · ${this.me.role}${this.me.operator ? ' (' + this.me.operator + ')' : ''}` : '';
    window.dispatchEvent(new CustomEvent('dala:auth', { detail: this.me }));
  }

  open() {
    $('auth-error').hidden = true;
    $('auth-dialog').hidden = false;
    $('auth-username').focus();
  }

  close() {
    $('auth-dialog').hidden = true;
    $('auth-password').value = '';
  }

  async signIn() {
    const user = $('auth-username').value.trim();
    const password = $('auth-password').value;
    try {
      this.set(await sendJson('POST', '/api/auth/login', { user, password }));
      this.close();
    } catch (e) {
      const box = $('auth-error');
      box.textContent = e instanceof ApiError && e.status === 401 ? 'Unknown user or wrong password.' : (e.message || 'Sign-in failed.');
      box.hidden = false;
    }
  }

  async signOut() {
    try {
      await sendJson('POST', '/api/auth/logout');
    } catch (e) {
      showError(e, 'Signing out');
    }
    this.set({ signedIn: false });
  }
}
