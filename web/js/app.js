// The web UI's entry: who is signed in, the top bar, the hash router, the status banner,
// and the sign-in dialog shown when a session ends in the middle of work.
// Routes: #/queue, #/cases, #/cases/12, #/new, #/new/<plan>, #/archive, #/admin/users,
// #/admin/definitions, #/admin/calendar.

import { api, get, setCsrf, setReauthenticate, ApiError } from './api.js';
import { h, clear } from './dom.js';
import { t, setLang, getLang } from './i18n.js';
import { openDialog } from './dialog.js';
import { wireKeys } from './form_view.js';
import { renderSignIn } from './pages/sign_in.js';
import { renderQueue } from './pages/queue.js';
import { renderCaseList } from './pages/case_list.js';
import { renderCase } from './pages/case_page.js';
import { renderNewCase } from './pages/new_case.js';
import { renderArchive } from './pages/archive.js';
import { renderUsers, renderDefinitions, renderCalendar } from './pages/admin.js';

const main = document.getElementById('main');
const banner = document.getElementById('banner');

export const session = { user: null, csrf: '', expiresAt: '' };
let cleanup = null;

export function hasRole(role) {
  return !!session.user?.roles?.includes(role);
}

// A message above the page: kind 'ok' | 'error' | 'info'. Errors stay until replaced.
let bannerTimer = null;
export function notify(text, kind = 'ok') {
  clearTimeout(bannerTimer);
  banner.textContent = text;
  banner.className = `banner ${kind}`;
  banner.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  banner.hidden = !text;
  if (kind !== 'error' && text) bannerTimer = setTimeout(() => (banner.hidden = true), 8000);
}

// An ApiError in the user's words.
export function errorMessage(e) {
  if (!(e instanceof ApiError)) return t('error_generic', { msg: String(e?.message || e) });
  if (e.code === 'network') return t('error_network');
  if (e.status === 403) return t('error_forbidden', { msg: e.message });
  if (e.status === 404) return t('error_not_found', { msg: e.message });
  return t('error_generic', { msg: e.message });
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function signedIn(answer) {
  session.user = answer.user;
  session.csrf = answer.csrf_token;
  session.expiresAt = answer.expires_at;
  setCsrf(answer.csrf_token);
}

function renderTopbar() {
  const bar = document.getElementById('topbar');
  const nav = document.getElementById('nav');
  document.title = t('app_title');
  document.querySelector('.skip-link').textContent = t('skip');
  document.getElementById('lang-switch').textContent = t('lang_switch');
  document.getElementById('sign-out').textContent = t('sign_out');
  bar.hidden = !session.user;
  clear(nav);
  if (!session.user) return;
  const items = [['#/queue', 'nav_queue'], ['#/cases', 'nav_cases']];
  if (hasRole('clerk') || hasRole('admin')) items.push(['#/new', 'nav_new']);
  items.push(['#/archive', 'nav_archive']);
  if (hasRole('admin')) items.push(['#/admin/users', 'nav_users'], ['#/admin/definitions', 'nav_definitions'], ['#/admin/calendar', 'nav_calendar']);
  const current = location.hash.split('?')[0] || '#/queue';
  for (const [href, key] of items) {
    const active = current === href || (href !== '#/queue' && current.startsWith(`${href}/`)) || (href === '#/queue' && current === '#/');
    nav.append(h('a', { href, 'aria-current': active ? 'page' : null }, t(key)));
  }
  const u = session.user;
  document.getElementById('whoami').textContent = t('signed_in_as', { name: u.display_name || u.name, unit: u.unit });
}

async function route() {
  if (cleanup) {
    try {
      cleanup();
    } catch {
      /* a page's timers */
    }
    cleanup = null;
  }
  renderTopbar();
  clear(main);
  // A fresh container per visit: a page still loading from the previous visit writes
  // into its own, detached one.
  const view = h('div.view');
  main.append(view);
  if (!session.user) {
    renderSignIn(view, async (answer) => {
      signedIn(answer);
      route();
    });
    return;
  }
  const hash = location.hash || '#/queue';
  const [path, queryString] = hash.slice(1).split('?');
  const params = new URLSearchParams(queryString || '');
  const parts = path.split('/').filter(Boolean);
  const ctx = { main: view, params, session, notify, navigate, errorMessage, hasRole };
  let m;
  try {
    if (parts.length === 0 || parts[0] === 'queue') cleanup = await renderQueue(ctx);
    else if (parts[0] === 'cases' && parts.length === 1) cleanup = await renderCaseList(ctx);
    else if (parts[0] === 'cases' && (m = parts[1]?.match(/^\d+$/))) cleanup = await renderCase(ctx, +parts[1]);
    else if (parts[0] === 'new') cleanup = await renderNewCase(ctx, parts[1] ? decodeURIComponent(parts[1]) : '');
    else if (parts[0] === 'archive') cleanup = await renderArchive(ctx);
    else if (parts[0] === 'admin' && parts[1] === 'users') cleanup = await renderUsers(ctx);
    else if (parts[0] === 'admin' && parts[1] === 'definitions') cleanup = await renderDefinitions(ctx);
    else if (parts[0] === 'admin' && parts[1] === 'calendar') cleanup = await renderCalendar(ctx);
    else view.append(h('p', t('page_not_found')));
  } catch (e) {
    view.append(h('p.error-text', { role: 'alert' }, errorMessage(e)),
      h('button', { type: 'button', onclick: () => route() }, t('retry')));
  }
}

// When the session ends during work: a sign-in dialog over the page for the same user; the
// request that found the session gone is sent again afterwards.
let reauthPending = null;
function reauthenticate() {
  if (reauthPending) return reauthPending;
  reauthPending = new Promise((resolve, reject) => {
    const name = session.user?.name || '';
    const pw = h('input', { type: 'password', id: 'reauth-password', autocomplete: 'current-password', required: true });
    const err = h('p.field-error', { role: 'alert', hidden: true });
    let ok = false;
    const form = h('form.stack', {
      onsubmit: async (ev) => {
        ev.preventDefault();
        try {
          const answer = await api('POST', '/api/v1/session', { body: { user: name, password: pw.value }, noReauth: true });
          signedIn(answer);
          ok = true;
          dlg.close();
        } catch (e) {
          err.textContent = e.message;
          err.hidden = false;
          pw.select();
        }
      },
    },
    h('p', t('sign_in_again')),
    h('label.field-label', { for: 'reauth-user' }, t('user_name')),
    h('input', { id: 'reauth-user', value: name, readOnly: true }),
    h('label.field-label', { for: 'reauth-password' }, t('password')), pw, err,
    h('div.actions', h('button.primary', { type: 'submit' }, t('sign_in'))));
    wireKeys(form, null);
    const dlg = openDialog({ title: t('sign_in_title'), body: form });
    pw.focus();
    dlg.closed.then(() => {
      reauthPending = null;
      if (ok) resolve();
      else reject(new ApiError(401, 'unauthenticated', t('sign_in_again')));
    });
  });
  return reauthPending;
}

async function boot() {
  setReauthenticate(reauthenticate);
  document.getElementById('lang-switch').addEventListener('click', () => {
    setLang(getLang() === 'zh' ? 'en' : 'zh');
    route();
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    try {
      await api('DELETE', '/api/v1/session', { noReauth: true });
    } catch {
      /* already ended */
    }
    session.user = null;
    setCsrf('');
    notify('');
    route();
  });
  window.addEventListener('hashchange', () => route());
  try {
    signedIn(await get('/api/v1/session', { noReauth: true }));
  } catch {
    session.user = null;
  }
  route();
}

boot();
