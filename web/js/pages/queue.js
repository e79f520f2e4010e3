// My queue: escalations of missed deadlines first, then what I hold, approvals waiting for
// me, and the unclaimed pool of my role and unit; each with its due time and a live
// countdown by the server's clock (overdue in red). Claim takes a task from the pool.

import { get, act } from '../api.js';
import { h, clear, randomKey } from '../dom.js';
import { t, label, dt, duration } from '../i18n.js';
import { setServerNow, remainingMs } from '../time.js';
import { definition, caseSummary } from '../plans.js';

const REFRESH_MS = 60000;

export async function renderQueue(ctx) {
  const { main, session } = ctx;
  const updated = h('span.muted');
  const body = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p.loading', t('loading')));
  const refresh = h('button', { type: 'button', onclick: () => load() }, t('queue_refresh'));
  main.append(h('div.page-head', h('h1', t('queue_title')), h('div.actions', updated, refresh)), body);

  let items = [];
  const load = async (focusKey) => {
    body.setAttribute('aria-busy', 'true');
    try {
      const answer = await get('/api/v1/queue?limit=200');
      if (answer.now) setServerNow(answer.now);
      items = answer.items || [];
      draw(focusKey);
      updated.textContent = t('queue_updated', { time: dt(answer.now || new Date().toISOString()) });
    } catch (e) {
      clear(body).append(h('p.error-text', { role: 'alert' }, ctx.errorMessage(e)));
    }
    body.setAttribute('aria-busy', 'false');
  };

  const claim = async (item, button) => {
    button.disabled = true;
    try {
      const c = await get(`/api/v1/cases/${item.case}`);
      await act(item.case, item.task, 'claim', { version: c.version }, randomKey());
      ctx.notify(t('claimed', { case: item.case, task: item.title }));
      await load(`${item.case}/${item.task}`);
    } catch (e) {
      ctx.notify(ctx.errorMessage(e), 'error');
      button.disabled = false;
      load();
    }
  };

  const draw = (focusKey) => {
    clear(body);
    const me = session.user.name;
    const groups = [
      ['queue_escalations', items.filter((i) => i.kind === 'escalation'), 'escalations'],
      ['queue_mine', items.filter((i) => i.kind !== 'escalation' && i.assignee === me), 'mine'],
      ['queue_approvals', items.filter((i) => i.kind === 'approval' && i.assignee !== me), 'approvals'],
      ['queue_pool', items.filter((i) => i.kind === 'task' && i.assignee !== me), 'pool'],
    ];
    if (!items.length) body.append(h('p.empty', t('queue_empty')));
    for (const [titleKey, list, id] of groups) {
      if (!list.length) continue;
      const rows = list.map((item) => row(item));
      body.append(h(`section.queue-group.${id}`, { 'aria-labelledby': `q-${id}` },
        h('h2', { id: `q-${id}` }, t(titleKey), h('span.count', ` ${list.length}`)),
        h('table.grid', h('thead', h('tr',
          h('th', { scope: 'col' }, t('col_case')), h('th', { scope: 'col' }, t('col_task')),
          h('th', { scope: 'col' }, t('col_plan')), h('th', { scope: 'col' }, t('col_unit')),
          h('th', { scope: 'col' }, t('col_created')), h('th', { scope: 'col' }, t('col_due')),
          h('th', { scope: 'col' }, t('col_actions')))), h('tbody', rows))));
    }
    tick();
    if (focusKey) body.querySelector(`[data-key="${CSS.escape(focusKey)}"] a`)?.focus();
  };

  const row = (item) => {
    const caseCell = h('td', h('a', { href: `#/cases/${item.case}` }, `#${item.case}`), ' ', h('span.case-title'));
    caseSummary(item.case).then((s) => {
      if (s?.fields?.title) caseCell.querySelector('.case-title').textContent = s.fields.title;
    });
    const planCell = h('td', item.plan);
    definition(item.plan).then((d) => (planCell.textContent = label(d.name)), () => {});
    const due = item.due
      ? h('td.due', h('div', dt(item.due)), h('div.countdown', { dataset: { due: item.due } }))
      : h('td.due.muted', t('no_due'));
    const actions = h('td.actions');
    const open = `#/cases/${item.case}${item.kind === 'escalation' ? '' : `?task=${encodeURIComponent(item.task)}`}`;
    if (item.kind === 'task' && !item.assignee) {
      const b = h('button.primary.small', { type: 'button' }, t('claim'));
      b.addEventListener('click', () => claim(item, b));
      actions.append(b, ' ');
    }
    actions.append(h('a.button.small', { href: open }, item.kind === 'escalation' ? t('view_case') : t('open_case')));
    const tr = h('tr', { class: item.overdue ? 'overdue' : null, dataset: { key: `${item.case}/${item.task}`, kind: item.kind } },
      caseCell,
      h('td', h('span.kind', t(`kind_${item.kind}`)), ' ', item.title,
        item.overdue ? h('span.badge.red', t('overdue')) : null),
      planCell, h('td', item.unit), h('td', dt(item.created_at)), due, actions);
    return tr;
  };

  // The countdowns, once a second, by the server's clock.
  const tick = () => {
    for (const el of body.querySelectorAll('.countdown')) {
      const ms = remainingMs(el.dataset.due);
      el.textContent = ms >= 0 ? t('left', { d: duration(ms) }) : t('overdue_by', { d: duration(ms) });
      const late = ms < 0;
      el.classList.toggle('late', late);
      el.closest('tr')?.classList.toggle('overdue', late || el.closest('tr').classList.contains('overdue'));
    }
  };
  const ticker = setInterval(tick, 1000);
  const refresher = setInterval(() => load(), REFRESH_MS);
  await load();
  return () => {
    clearInterval(ticker);
    clearInterval(refresher);
  };
}
