// Report an incident: choose the plan, fill in its first task's form (the report), send.
// POST /api/v1/cases opens the case with the form in one command; the Idempotency-Key is
// made when the form is shown, so a report sent twice (a dropped connection, a double
// press) opens one case.

import { get, post } from '../api.js';
import { h, clear, randomKey } from '../dom.js';
import { t, label } from '../i18n.js';
import { FormView, wireKeys, showServerProblems } from '../form_view.js';
import { definition, requireRules } from '../plans.js';

export async function renderNewCase(ctx, planId) {
  const { main } = ctx;
  const list = (await get('/api/v1/definitions')).definitions || [];
  const ids = [...new Set(list.map((d) => d.id))];
  const defs = await Promise.all(ids.map((id) => definition(id).catch(() => null)));
  const select = h('select#plan-select', { name: 'plan' },
    h('option', { value: '' }, t('choose')),
    defs.filter(Boolean).map((d) => h('option', { value: d.id }, `${label(d.name)}（${d.id}）`)));
  select.value = planId || '';
  // Chosen with a button (or Enter), not on every change: arrow keys in a select fire one
  // change per step.
  const chooser = h('form.card.row#plan-form', {
    onsubmit: (ev) => {
      ev.preventDefault();
      if (select.value && select.value !== planId) ctx.navigate(`#/new/${encodeURIComponent(select.value)}`);
    },
  }, h('div.filter', h('label.field-label', { for: 'plan-select' }, t('choose_plan')), select),
  h('div.filter', h('button#plan-choose', { type: 'submit' }, t('plan_choose'))));
  wireKeys(chooser, null);
  const formHost = h('div');
  main.append(h('div.page-head', h('h1', t('new_title'))), chooser, formHost);
  if (!planId) {
    select.focus();
    return null;
  }

  const def = defs.find((d) => d?.id === planId) || (await definition(planId));
  const start = def.definition?.start;
  let startTask = null;
  for (const s of def.definition?.stages || []) for (const x of s.tasks || []) if (x.id === start) startTask = x;
  const schema = (def.forms || []).find((f) => f.id === startTask?.form);
  if (!schema) {
    formHost.append(h('p.error-text', `${planId}: ${start}?`));
    return null;
  }
  const form = new FormView(schema, { rules: requireRules(def, start).fill });
  const errorEl = h('div.form-error', { role: 'alert', hidden: true });
  const submit = h('button.primary', { type: 'submit' }, t('new_submit'));
  const cancel = h('button', { type: 'button', onclick: () => ctx.navigate('#/queue') }, t('form_cancel'));
  let key = randomKey();
  const formEl = h('form.task-form.card#new-case-form', { novalidate: true, 'aria-labelledby': 'new-form-h' },
    h('h2#new-form-h', label(schema.name)),
    h('p.muted.hint', t('form_hint_keys')),
    form.el, errorEl, h('div.actions', submit, cancel));
  wireKeys(formEl, () => cancel.click());
  formEl.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    errorEl.hidden = true;
    const data = form.collectOrReport(errorEl);
    if (!data) return;
    submit.disabled = true;
    try {
      const out = await post('/api/v1/cases', { plan: planId, form: data }, { key });
      ctx.notify(t('new_done', { id: out.case }) + (out.replayed ? t('replayed') : ''), 'ok');
      ctx.navigate(`#/cases/${out.case}`);
    } catch (e) {
      errorEl.hidden = false;
      clear(errorEl);
      if (e.code === 'network') {
        errorEl.textContent = ctx.errorMessage(e); // same key: a retry opens one case
      } else if (e.status === 422) {
        showServerProblems(form, e, errorEl);
        key = randomKey();
      } else {
        errorEl.textContent = ctx.errorMessage(e);
        key = randomKey();
      }
      submit.disabled = false;
    }
  });
  formHost.append(formEl);
  form.focusFirst();
  return null;
}
