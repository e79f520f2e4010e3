// The case page: summary, the six stages, the work the signed-in user can do here (fill in
// a form, approve with the record in view, return, transfer, claim, unclaim, start an
// ad-hoc report, withdraw), deadlines, issued records, the data and the history.
//
// Open forms live in their own container, which a reload (after a command, or a 409
// conflict) never rebuilds: what a clerk typed survives every error.

import { get, ApiError } from '../api.js';
import { h, clear, saveBlob } from '../dom.js';
import { t, label, dt, roleName } from '../i18n.js';
import { definition, requireRules, recordKind, forgetCase } from '../plans.js';
import { summarySection, stagesSection, deadlinesSection, recordsSection, dataSection, historySection } from './case_sections.js';
import { TaskActions } from './task_actions.js';

export async function renderCase(ctx, id) {
  const { main, session } = ctx;
  const me = session.user;
  const st = { c: null, forms: null, def: null, records: null };

  const title = h('h1');
  const reloadBtn = h('button', { type: 'button', onclick: () => reload().catch((e) => ctx.notify(ctx.errorMessage(e), 'error')) }, t('case_reload'));
  const summaryHost = h('div');
  const stagesHost = h('div');
  const workList = h('div');
  const panels = h('div.panels'); // open forms: never rebuilt by a reload
  const restHost = h('div');
  main.append(
    h('div.page-head', title, h('div.actions', h('a.button', { href: '#/queue' }, t('case_back')), reloadBtn)),
    summaryHost, stagesHost,
    h('section.card.work', { 'aria-labelledby': 'work-h' }, h('h2#work-h', t('work')), workList, panels),
    restHost);

  const actions = new TaskActions({
    caseId: id, ctx, panelsHost: panels,
    state: () => st,
    reload: () => reload(),
    rules: (node) => requireRules(st.def, node),
    recordOf: (node) => recordKind(st.def, node),
  });

  async function reload() {
    const [c, forms] = await Promise.all([get(`/api/v1/cases/${id}`), get(`/api/v1/cases/${id}/forms`)]);
    st.c = c;
    st.forms = forms;
    st.def = await definition(c.plan, c.plan_version).catch(() => null);
    forgetCase(id);
    draw();
    loadRecords();
    actions.refreshPanels();
    return c;
  }

  async function loadRecords() {
    try {
      st.records = (await get(`/api/v1/cases/${id}/records`)).records || [];
    } catch {
      st.records = [];
    }
    drawRest();
  }

  const downloadRecord = async (r, button) => {
    button.disabled = true;
    try {
      const res = await get(`/api/v1/cases/${id}/records/${encodeURIComponent(r.task)}`, { raw: true });
      saveBlob(await res.blob(), `case-${id}-${r.task}-${r.kind}.pdf`);
    } catch (e) {
      ctx.notify(ctx.errorMessage(e), 'error');
    }
    button.disabled = false;
  };

  function draw() {
    const c = st.c;
    title.textContent = `${t('case_title', { id: c.id })}　${c.fields?.title || ''}`;
    clear(summaryHost).append(h('section.card', summarySection(c)));
    clear(stagesHost).append(stagesSection(c));
    drawWork();
    drawRest();
  }

  function drawRest() {
    if (!st.c) return;
    clear(restHost).append(
      deadlinesSection(st.c),
      recordsSection(st.c, st.records, downloadRecord),
      dataSection(st.c, st.forms),
      historySection(st.c, st.forms));
  }

  const specOf = (node) => st.forms.tasks.find((x) => x.id === node);

  // What the signed-in user may try on an open task. The engine decides; this only keeps
  // buttons off tasks that are plainly someone else's.
  function myActions(task) {
    const spec = specOf(task.node);
    if (!spec || task.state !== 'open' || st.c.status !== 'active') return [];
    if (!me.roles.includes(task.role) || task.unit !== me.unit) return [];
    if (task.phase === 'approve') {
      if (task.submitted_by === me.name || task.approved_by.includes(me.name)) return [];
      if (task.assignee && task.assignee !== me.name) return [];
      if (task.approvers.length && !task.approvers.includes(me.name)) return [];
      return spec.approval_actions.filter((a) => ['approve', 'return', 'transfer'].includes(a));
    }
    if (task.assignee && task.assignee !== me.name) return [];
    const out = [];
    if (spec.actions.includes('submit')) out.push('submit');
    if (!task.assignee) out.push('claim');
    else out.push('unclaim');
    if (spec.actions.includes('return') && spec.return_to) out.push('return');
    if (spec.actions.includes('transfer')) out.push('transfer');
    return out;
  }

  function drawWork() {
    const c = st.c;
    clear(workList);
    const open = c.tasks.filter((x) => x.state === 'open');
    const rows = open.map((task) => {
      const spec = specOf(task.node);
      const mine = myActions(task);
      const buttons = mine.map((a) => {
        const b = h(`button.small${a === 'submit' || a === 'approve' ? '.primary' : ''}`, {
          type: 'button', dataset: { action: a, task: task.id },
          onclick: () => actions.run(a, task, b),
        }, t(`act_${a}`));
        return b;
      });
      const who = task.assignee ? t('task_assignee', { name: task.assignee }) : t('task_unassigned');
      return h('li.task', { dataset: { task: task.id, node: task.node, phase: task.phase }, class: mine.length ? 'actionable' : null },
        h('div.task-head',
          h('strong', label(task.name)), ' ',
          h('span.badge', { class: task.phase === 'approve' ? 'blue' : 'grey' }, t(`phase_${task.phase}`)),
          task.phase === 'approve' && spec?.approval_label ? h('span.muted', ` ${label(spec.approval_label)}`) : null),
        h('div.task-meta.muted',
          t('task_candidates', { role: roleName(task.role), unit: task.unit }), ' · ', who,
          task.submitted_by ? ` · ${t('task_submitted_by', { name: task.submitted_by })}` : '',
          task.approvers.length ? ` · ${t('task_approvers', { names: task.approvers.join('、') })}` : '',
          task.approved_by.length ? ` · ${t('task_approved_by', { names: task.approved_by.join('、') })}` : '',
          task.context?.due ? ` · ${t('dl_due')} ${dt(task.context.due)}` : ''),
        task.return_reason ? h('p.returned', t('task_returned', { reason: task.return_reason })) : null,
        buttons.length ? h('div.actions', buttons) : null);
    });
    workList.append(h('h3', t('open_tasks')), rows.length ? h('ul.tasks', rows) : h('p.muted', t('none')));

    // Ad-hoc tasks the user's role can start (续报, information release…).
    if (c.status === 'active') {
      const starts = st.forms.tasks.filter((s) => s.adhoc && s.actions.includes('submit') && canStart(s));
      if (starts.length)
        workList.append(h('div.adhoc', h('span.muted', `${t('adhoc')}：`), starts.map((s) => {
          const b = h('button.small', { type: 'button', dataset: { start: s.id }, onclick: () => actions.startAdhoc(s, b) }, t('adhoc_start', { name: label(s.name) }));
          return b;
        })));
      const last = lastOwnStep();
      if (last) {
        const b = h('button.small', { type: 'button', dataset: { action: 'withdraw' }, onclick: () => actions.withdraw(last, b) }, t('act_withdraw'));
        workList.append(h('div.withdraw', b, h('span.muted', ` ${t('withdraw_what', { what: `${t(`cmd_${last.command}`)} ${label(c.tasks.find((x) => x.id === last.task)?.name) || last.node}`, when: dt(last.at) })}`)));
      }
    }
    if (!open.some((x) => myActions(x).length)) workList.append(h('p.muted', t('work_none')));
  }

  // A definition unit is a unit name, "@case" or "@actor:<task>"; only the first two are
  // known here, so a start is offered when the role fits and the unit may.
  function canStart(spec) {
    const doc = st.def?.definition;
    let taskDoc = null;
    for (const s of doc?.stages || []) for (const x of s.tasks || []) if (x.id === spec.id) taskDoc = x;
    if (!taskDoc) return false;
    if (!me.roles.includes(taskDoc.role)) return false;
    const unit = taskDoc.unit === '@case' ? st.c.unit : taskDoc.unit;
    return !unit || unit.startsWith('@') || unit === me.unit;
  }

  // The user's own latest open/submit/approve, when nobody acted after it (withdraw).
  function lastOwnStep() {
    const events = st.c.history.filter((e) => e.actor !== 'system');
    const last = events[events.length - 1];
    if (!last || last.actor !== me.name || !['open', 'submit', 'approve'].includes(last.command)) return null;
    return last;
  }

  try {
    await reload();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) {
      clear(main).append(h('p.error-text', { role: 'alert' }, ctx.errorMessage(e)));
      return null;
    }
    throw e;
  }
  // From the queue: open the task's form at once (a fill task) or bring its buttons into view.
  const wanted = ctx.params.get('task');
  if (wanted) {
    const task = st.c.tasks.find((x) => x.id === wanted || (x.node === wanted && x.state === 'open'));
    if (task && task.state === 'open') {
      const mine = myActions(task);
      if (task.phase === 'fill' && mine.includes('submit')) actions.run('submit', task, null);
      else workList.querySelector(`[data-task="${CSS.escape(task.id)}"] button`)?.focus();
    }
  }
  return () => actions.dispose();
}
