// Cases the user may see, filtered (plan, status, overdue work, report dates) and paged by
// id. The filters live in the address (#/cases?plan=…), so a list can be bookmarked.

import { get, query } from '../api.js';
import { h, clear } from '../dom.js';
import { t, dt, label } from '../i18n.js';
import { definition } from '../plans.js';
import { levelBadge } from './case_sections.js';

export async function renderCaseList(ctx) {
  const { main, params } = ctx;
  const plans = [...new Set(((await get('/api/v1/definitions')).definitions || []).map((d) => d.id))];
  const field = (id, labelKey, control) => h('div.filter', h('label.field-label', { for: id }, t(labelKey)), control);
  const plan = h('select#f-plan', h('option', { value: '' }, t('any')), plans.map((p) => h('option', { value: p }, p)));
  const status = h('select#f-status', h('option', { value: '' }, t('any')),
    h('option', { value: 'active' }, t('status_active')), h('option', { value: 'closed' }, t('status_closed')));
  const overdue = h('select#f-overdue', h('option', { value: '' }, t('any')),
    h('option', { value: 'true' }, t('yes')), h('option', { value: 'false' }, t('no')));
  const from = h('input#f-from', { type: 'date' });
  const to = h('input#f-to', { type: 'date' });
  plan.value = params.get('plan') || '';
  status.value = params.get('status') || '';
  overdue.value = params.get('overdue') || '';
  from.value = params.get('from') || '';
  to.value = params.get('to') || '';
  for (const p of plans)
    definition(p).then((d) => {
      const o = [...plan.options].find((x) => x.value === p);
      if (o) o.textContent = label(d.name);
    }, () => {});
  const form = h('form.filters.card', {
    onsubmit: (ev) => {
      ev.preventDefault();
      ctx.navigate(`#/cases${query({ plan: plan.value, status: status.value, overdue: overdue.value, from: from.value, to: to.value })}`);
    },
  }, field('f-plan', 'filter_plan', plan), field('f-status', 'filter_status', status),
  field('f-overdue', 'filter_overdue', overdue), field('f-from', 'filter_from', from), field('f-to', 'filter_to', to),
  h('div.filter', h('button.primary', { type: 'submit' }, t('filter_apply'))));
  const tbody = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, t('more'));
  main.append(h('div.page-head', h('h1', t('cases_title'))), form,
    h('table.grid.cases', h('thead', h('tr',
      h('th', { scope: 'col' }, t('col_case')), h('th', { scope: 'col' }, t('col_title')),
      h('th', { scope: 'col' }, t('col_plan')), h('th', { scope: 'col' }, t('col_unit')),
      h('th', { scope: 'col' }, t('col_level')), h('th', { scope: 'col' }, t('col_status')),
      h('th', { scope: 'col' }, t('col_opened')))), tbody), more);

  let after = null;
  const load = async () => {
    const answer = await get(`/api/v1/cases${query({
      plan: params.get('plan'), status: params.get('status'), overdue: params.get('overdue'),
      from: params.get('from'), to: params.get('to'), after, limit: 50,
    })}`);
    for (const c of answer.cases || []) {
      tbody.append(h('tr', { dataset: { case: c.id } },
        h('td', h('a', { href: `#/cases/${c.id}` }, `#${c.id}`)),
        h('td', c.fields?.title || ''),
        h('td', c.plan),
        h('td', c.unit),
        h('td', levelBadge(c.fields?.level, c.fields?.warning_colour)),
        h('td', t(`status_${c.status}`)),
        h('td', dt(c.opened_at))));
    }
    after = answer.next_after;
    more.hidden = after === null || after === undefined;
    if (!tbody.children.length) clear(tbody).append(h('tr', h('td', { colspan: 7 }, t('none'))));
  };
  more.addEventListener('click', () => load().catch((e) => ctx.notify(ctx.errorMessage(e), 'error')));
  await load();
  return null;
}
