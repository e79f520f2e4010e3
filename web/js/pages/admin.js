// Administration, as far as the API goes and kept plain: users (create, roles, unit,
// scope, active, password), plan definitions (list, deploy from the data folder), the
// working-day calendar (years known, add a year), and the audit of every case history.

import { get, api, post } from '../api.js';
import { h, clear, append } from '../dom.js';
import { t, dt, label, roleName, serverText } from '../i18n.js';
import { wireKeys } from '../form_view.js';

const ROLES = ['clerk', 'supervisor', 'inspector', 'archivist', 'admin'];

function fieldErrors(e) {
  const f = Object.entries(e?.fields || {});
  return f.length ? h('ul', f.map(([k, v]) => h('li', `${k}: ${serverText(v)}`))) : '';
}

function errorBox() {
  return h('div.form-error', { role: 'alert', hidden: true });
}

function showError(box, ctx, e) {
  clear(box).append(ctx.errorMessage(e), fieldErrors(e));
  box.hidden = false;
}

// A user's editable fields as inputs; `u` null for a new user.
function userFields(u, prefix) {
  const input = (name, attrs = {}) => h('input', { id: `${prefix}-${name}`, name, ...attrs });
  const roles = ROLES.map((r) => h('label.check', input(`role-${r}`, { type: 'checkbox', value: r, checked: !!u?.roles.includes(r) }), ' ', roleName(r)));
  const scope = h('select', { id: `${prefix}-scope` }, h('option', { value: 'unit' }, t('scope_unit')), h('option', { value: 'all' }, t('scope_all')));
  scope.value = u?.scope || 'unit';
  const fields = {
    name: input('name', { value: u?.name || '', readOnly: !!u, required: true, autocomplete: 'off' }),
    display: input('display', { value: u?.display_name || '' }),
    unit: input('unit', { value: u?.unit || '', required: true }),
    scope,
    active: input('active', { type: 'checkbox', checked: u ? u.active : true }),
    password: u ? null : input('password', { type: 'password', autocomplete: 'new-password' }),
    roles,
  };
  const row = (labelKey, control, id) => h('div.field', h('label.field-label', { for: id }, t(labelKey)), control);
  const el = h('div.form-fields',
    row('u_name', fields.name, `${prefix}-name`), row('u_display', fields.display, `${prefix}-display`),
    h('fieldset.checks', h('legend.field-label', t('u_roles')), roles),
    row('u_unit', fields.unit, `${prefix}-unit`), row('u_scope', scope, `${prefix}-scope`),
    h('div.field', h('label.check', fields.active, ' ', t('u_active'))),
    fields.password ? row('u_new_password', fields.password, `${prefix}-password`) : null);
  const value = () => {
    const out = {
      display_name: fields.display.value.trim(),
      roles: roles.map((l) => l.querySelector('input')).filter((x) => x.checked).map((x) => x.value),
      unit: fields.unit.value.trim(),
      scope: scope.value,
      active: fields.active.checked,
    };
    if (!u) out.name = fields.name.value.trim();
    if (fields.password?.value) out.password = fields.password.value;
    return out;
  };
  return { el, value };
}

export async function renderUsers(ctx) {
  const { main } = ctx;
  const tbody = h('tbody');
  const editor = h('div');
  main.append(h('div.page-head', h('h1', t('users_title')),
    h('div.actions', h('button.primary', { type: 'button', onclick: () => edit(null) }, t('u_create')))),
  editor,
  h('table.grid.users', h('thead', h('tr', ['u_name', 'u_display', 'u_roles', 'u_unit', 'u_scope', 'u_active', 'col_actions'].map((k) => h('th', { scope: 'col' }, t(k))))), tbody));

  const load = async () => {
    const users = (await get('/api/v1/users')).users || [];
    append(clear(tbody), users.map((u) => h('tr', { dataset: { user: u.name } },
      h('td', u.name), h('td', u.display_name), h('td', u.roles.map(roleName).join('、')), h('td', u.unit),
      h('td', u.scope === 'all' ? t('scope_all') : t('scope_unit')), h('td', u.active ? t('yes') : t('no')),
      h('td', h('button.small', { type: 'button', onclick: () => edit(u) }, t('u_edit')), ' ',
        h('button.small', { type: 'button', onclick: () => password(u) }, t('u_password'))))));
  };

  const edit = (u) => {
    const fields = userFields(u, u ? `edit-${u.name}` : 'new');
    const err = errorBox();
    const form = h('form.card.stack', {
      novalidate: true,
      onsubmit: async (ev) => {
        ev.preventDefault();
        try {
          if (u) await api('PATCH', `/api/v1/users/${encodeURIComponent(u.name)}`, { body: fields.value() });
          else await post('/api/v1/users', fields.value());
          ctx.notify(u ? t('u_saved') : t('u_created', { name: fields.value().name }));
          clear(editor);
          await load();
        } catch (e) {
          showError(err, ctx, e);
        }
      },
    }, h('h2', u ? u.name : t('u_create')), fields.el, err,
    h('div.actions', h('button.primary', { type: 'submit' }, t('u_save')), h('button', { type: 'button', onclick: () => clear(editor) }, t('cancel'))));
    wireKeys(form, () => clear(editor));
    clear(editor).append(form);
    form.querySelector('input:not([readonly])')?.focus();
  };

  const password = (u) => {
    const pw = h('input#pw-new', { type: 'password', autocomplete: 'new-password' });
    const err = errorBox();
    const form = h('form.card.stack', {
      novalidate: true,
      onsubmit: async (ev) => {
        ev.preventDefault();
        try {
          await api('PUT', `/api/v1/users/${encodeURIComponent(u.name)}/password`, { body: { password: pw.value } });
          ctx.notify(t('u_password_set', { name: u.name }));
          clear(editor);
        } catch (e) {
          showError(err, ctx, e);
        }
      },
    }, h('h2', `${t('u_password')}：${u.name}`), h('label.field-label', { for: 'pw-new' }, t('u_new_password')), pw, err,
    h('div.actions', h('button.primary', { type: 'submit' }, t('u_save')), h('button', { type: 'button', onclick: () => clear(editor) }, t('cancel'))));
    wireKeys(form, () => clear(editor));
    clear(editor).append(form);
    pw.focus();
  };

  await load();
  return null;
}

export async function renderDefinitions(ctx) {
  const { main } = ctx;
  const tbody = h('tbody');
  const ids = h('input#deploy-ids', { placeholder: 'network-security, public-opinion' });
  const err = errorBox();
  const deploy = async (body) => {
    err.hidden = true;
    try {
      const out = await post('/api/v1/definitions', body);
      ctx.notify(t('def_deployed_msg', {
        list: out.deployed.map((d) => `${d.id} ${d.created ? t('def_new', { v: d.version }) : t('def_same', { v: d.version })}`).join('；'),
      }));
      await load();
    } catch (e) {
      showError(err, ctx, e);
    }
  };
  main.append(h('div.page-head', h('h1', t('defs_title'))),
    h('div.card.stack',
      h('div.actions', h('button.primary', { type: 'button', onclick: () => deploy({ source: 'data' }) }, t('def_deploy_all'))),
      h('form.row', {
        onsubmit: (ev) => {
          ev.preventDefault();
          deploy({ source: 'data', ids: ids.value.split(/[,，\s]+/).filter(Boolean) });
        },
      }, h('div.filter', h('label.field-label', { for: 'deploy-ids' }, t('def_deploy_ids')), ids), h('div.filter', h('button', { type: 'submit' }, t('def_deploy')))),
      err),
    h('table.grid', h('thead', h('tr', ['def_id', 'plan', 'def_version', 'def_hash', 'def_deployed', 'def_by'].map((k) => h('th', { scope: 'col' }, t(k))))), tbody));
  const load = async () => {
    const list = (await get('/api/v1/definitions')).definitions || [];
    append(clear(tbody), list.map((d) => {
      const name = h('td');
      get(`/api/v1/definitions/${encodeURIComponent(d.id)}?version=${d.version}`).then((x) => (name.textContent = label(x.name)), () => {});
      return h('tr', h('td', d.id), name, h('td', String(d.version)), h('td', h('code.hash', String(d.content_hash).slice(0, 16))),
        h('td', dt(d.deployed_at)), h('td', d.deployed_by));
    }));
  };
  await load();
  return null;
}

export async function renderCalendar(ctx) {
  const { main } = ctx;
  const list = h('div');
  const doc = h('textarea#cal-doc', { rows: 8, spellcheck: 'false', placeholder: '{"year": 2027, "source": {…}, "holidays": […]}' });
  const err = errorBox();
  const auditOut = h('div', { 'aria-live': 'polite' });
  main.append(h('div.page-head', h('h1', t('cal_title'))), list,
    h('form.card.stack', {
      onsubmit: async (ev) => {
        ev.preventDefault();
        err.hidden = true;
        let body;
        try {
          body = JSON.parse(doc.value);
        } catch (e) {
          clear(err).append(String(e.message));
          err.hidden = false;
          return;
        }
        try {
          const y = await post('/api/v1/calendar/years', body);
          ctx.notify(t('cal_added', { year: y.year }));
          doc.value = '';
          await load();
        } catch (e) {
          showError(err, ctx, e);
        }
      },
    }, h('label.field-label', { for: 'cal-doc' }, t('cal_add')), doc, err, h('div.actions', h('button.primary', { type: 'submit' }, t('save')))),
    h('section.card', h('h2', t('audit_title')),
      h('button', {
        type: 'button',
        onclick: async () => {
          clear(auditOut).append(h('p.muted', t('loading')));
          try {
            const r = await get('/api/v1/audit/verify');
            clear(auditOut).append(r.ok ? h('p.ok', t('audit_ok', r)) : h('div.error-text', t('audit_bad', { n: r.problems.length }),
              h('ul', r.problems.map((p) => h('li', `#${p.case} ${p.seq}: ${p.message}`)))));
          } catch (e) {
            clear(auditOut).append(h('p.error-text', ctx.errorMessage(e)));
          }
        },
      }, t('audit_run')), auditOut));
  const load = async () => {
    const years = (await get('/api/v1/calendar/years')).years || [];
    append(clear(list), years.map((y) => h('section.card', h('h2', `${y.year}`),
      h('p.muted', `${t('cal_source')}：${y.source.title} ${y.source.number || ''}（${y.source.issued}）`),
      h('table.grid', h('thead', h('tr', h('th', t('cal_holidays')), h('th', ''), h('th', t('cal_adjusted')))),
        h('tbody', y.holidays.map((x) => h('tr', h('td', label(x.name)), h('td', `${x.first} — ${x.last}`), h('td', (x.adjusted_working_days || []).join('、')))))))));
  };
  await load();
  return null;
}
