// The commands of the case page. Each user intent (this form, this approval) gets one
// Idempotency-Key, reused when a request is sent again after a dropped connection and
// replaced after a definite answer. Errors land where the user is looking: a 422's
// `fields` beside their inputs, a 409 reloads the case and offers to submit again on the
// new version — with everything typed kept.

import { act, post, ApiError } from '../api.js';
import { h, randomKey } from '../dom.js';
import { t, label } from '../i18n.js';
import { FormView, wireKeys, showServerProblems } from '../form_view.js';
import { validateForm } from '../form_rules.js';
import { openDialog } from '../dialog.js';

export class TaskActions {
  constructor({ caseId, ctx, panelsHost, state, reload, rules, recordOf }) {
    this.caseId = caseId;
    this.ctx = ctx;
    this.host = panelsHost;
    this.state = state;
    this.reload = reload;
    this.rules = rules;
    this.recordOf = recordOf;
    this.panels = new Map(); // task instance id or ad-hoc task id → panel
    this.previewUrls = new Set();
  }

  dispose() {
    for (const u of this.previewUrls) URL.revokeObjectURL(u);
  }

  spec(node) {
    return this.state().forms.tasks.find((x) => x.id === node);
  }

  run(action, task, button) {
    if (action === 'submit') return this.openForm(task.id, task.node, task);
    if (action === 'approve') return this.approve(task);
    if (action === 'return') return this.reasonDialog(task, 'return');
    if (action === 'transfer') return this.transferDialog(task);
    if (action === 'claim' || action === 'unclaim') return this.simple(task, action, button);
    return null;
  }

  startAdhoc(spec) {
    return this.openForm(spec.id, spec.id, null);
  }

  // The answer of a command, in words, above the page.
  done(okKey, outcome, vars = {}) {
    let text = t(okKey, vars);
    const filed = outcome?.event?.effects?.find((e) => e.type === 'task.filed');
    if (filed) text += ` ${t('filing_number_is', { n: filed.number })}`;
    if (outcome?.replayed) text += t('replayed');
    this.ctx.notify(text, 'ok');
  }

  // A failed command: shows why in `errorEl` (and the form's fields); on 409 reloads the
  // case first. Returns true when the intent's key must be replaced.
  async failed(e, { form, errorEl, stillOpen }) {
    errorEl.hidden = false;
    errorEl.replaceChildren();
    if (!(e instanceof ApiError) || e.code === 'network') {
      errorEl.append(this.ctx.errorMessage(e));
      return false; // no answer: the same key, so a retry is applied once
    }
    if (e.status === 422) {
      showServerProblems(form, e, errorEl);
      return true;
    }
    if (e.status === 409) {
      const old = this.state().c.version;
      try {
        await this.reload();
      } catch {
        /* shown by the next attempt */
      }
      const now = this.state().c.version;
      if (stillOpen && !stillOpen()) errorEl.append(t('conflict_gone'));
      else errorEl.append(t('conflict', { old, new: now }), h('br'), h('span.muted', e.message));
      return true;
    }
    errorEl.append(this.ctx.errorMessage(e));
    return true;
  }

  // Fill in a task's form (or start an ad-hoc one) in a panel under the task list.
  openForm(ref, node, task) {
    const existing = this.panels.get(ref);
    if (existing) {
      existing.form.focusFirst();
      return;
    }
    const st = this.state();
    const spec = this.spec(node);
    const schema = st.forms.forms[spec.form];
    // A returned task starts from what was sent before; a system field shows the engine's value.
    const values = task?.return_reason ? st.c.data[node] : undefined;
    const system = { ...(st.c.data[node] || {}), ...(task?.context || {}) };
    const form = new FormView(schema, { values, system, rules: this.rules(node).fill });
    const initial = JSON.stringify(form.raw());
    const errorEl = h('div.form-error', { role: 'alert', hidden: true });
    const submit = h('button.primary', { type: 'submit' }, t('form_submit'));
    const cancel = h('button', { type: 'button' }, t('form_cancel'));
    const headingId = `panel-${ref}`;
    let key = randomKey();
    const formEl = h('form.task-form', { novalidate: true, 'aria-labelledby': headingId, dataset: { ref } },
      form.el, errorEl, h('div.actions', submit, cancel));
    const panel = h('section.card.form-panel', { dataset: { ref, node } },
      h('h3', { id: headingId }, `${label(spec.name)}${task ? `（${task.id}）` : ''}`, ' · ', label(schema.name)),
      task?.return_reason ? h('p.returned', t('task_returned', { reason: task.return_reason })) : null,
      h('p.muted.hint', t('form_hint_keys')),
      formEl);
    const close = () => {
      panel.remove();
      this.panels.delete(ref);
    };
    const stillOpen = () => !task || this.state().c.tasks.some((x) => x.id === task.id && x.state === 'open');
    cancel.addEventListener('click', () => {
      if (JSON.stringify(form.raw()) !== initial && !window.confirm(t('discard_confirm'))) return;
      close();
    });
    wireKeys(formEl, () => cancel.click());
    formEl.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      errorEl.hidden = true;
      const data = form.collectOrReport(errorEl);
      if (!data) return;
      submit.disabled = true;
      try {
        const out = await act(this.caseId, ref, 'submit', { version: this.state().c.version, form: data }, key);
        close();
        this.done('submitted_ok', out);
        await this.reload();
      } catch (e) {
        if (await this.failed(e, { form, errorEl, stillOpen })) key = randomKey();
        submit.disabled = !stillOpen();
        if (!submit.disabled && e.status === 409) submit.textContent = t('resubmit');
      }
    });
    this.panels.set(ref, { form, panel, task, submit, errorEl, stillOpen });
    this.host.append(panel);
    panel.scrollIntoView({ block: 'start' });
    form.focusFirst();
  }

  // After a reload: a panel whose task was done elsewhere says so and stops submitting.
  refreshPanels() {
    for (const p of this.panels.values()) {
      if (!p.stillOpen()) {
        p.submit.disabled = true;
        p.errorEl.hidden = false;
        p.errorEl.textContent = t('conflict_gone');
      }
    }
  }

  async simple(task, action, button) {
    if (button) button.disabled = true;
    try {
      const out = await act(this.caseId, task.id, action, { version: this.state().c.version }, randomKey());
      this.done(action === 'claim' ? 'claimed_ok' : 'unclaimed_ok', out);
    } catch (e) {
      this.ctx.notify(this.ctx.errorMessage(e), 'error');
    }
    await this.reload().catch(() => {});
  }

  // A dialog with a form; `send(key)` performs the command; returns nothing.
  commandDialog({ title, body, submitText, send, okKey, okVars, form, wide = false, check }) {
    const errorEl = h('div.form-error', { role: 'alert', hidden: true });
    const submit = h('button.primary', { type: 'submit' }, submitText);
    const cancel = h('button', { type: 'button' }, t('cancel'));
    let key = randomKey();
    const formEl = h('form.stack', { novalidate: true }, body, errorEl, h('div.actions', submit, cancel));
    const dlg = openDialog({ title, body: formEl, wide });
    cancel.addEventListener('click', () => dlg.close());
    wireKeys(formEl, () => dlg.close());
    formEl.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      errorEl.hidden = true;
      const problem = check ? check() : null;
      if (problem) {
        errorEl.hidden = false;
        errorEl.textContent = problem;
        return;
      }
      submit.disabled = true;
      try {
        const out = await send(key);
        dlg.close();
        this.done(okKey, out, okVars ? okVars() : {});
        await this.reload();
      } catch (e) {
        if (await this.failed(e, { form, errorEl })) key = randomKey();
        submit.disabled = false;
      }
    });
    return dlg;
  }

  reasonDialog(task, action) {
    const id = `reason-${task.id}`;
    const reason = h('textarea', { id, rows: 3, required: true, 'aria-required': 'true' });
    const err = h('p.field-error', { role: 'alert', hidden: true });
    this.commandDialog({
      title: t('return_title', { task: label(task.name) }),
      body: [h('label.field-label', { for: id }, t('return_reason'), h('span.req', ' *')), reason, err],
      submitText: t('return_submit'),
      okKey: 'returned_ok',
      check: () => {
        err.hidden = !!reason.value.trim();
        err.textContent = err.hidden ? '' : t('f_required');
        if (!err.hidden) reason.focus();
        return err.hidden ? null : t('error_fix_fields', { n: 1 });
      },
      send: (key) => act(this.caseId, task.id, action, { version: this.state().c.version, reason: reason.value.trim() }, key),
    });
  }

  transferDialog(task) {
    const to = h('input', { id: `to-${task.id}`, autocomplete: 'off', required: true });
    const reason = h('textarea', { id: `tr-${task.id}`, rows: 2 });
    const err = h('p.field-error', { role: 'alert', hidden: true });
    this.commandDialog({
      title: t('transfer_title', { task: label(task.name) }),
      body: [h('label.field-label', { for: to.id }, t('transfer_to'), h('span.req', ' *')), to, err,
        h('label.field-label', { for: reason.id }, t('transfer_reason')), reason],
      submitText: t('transfer_submit'),
      okKey: 'transferred_ok',
      okVars: () => ({ to: to.value.trim() }),
      check: () => {
        err.hidden = !!to.value.trim();
        err.textContent = err.hidden ? '' : t('f_required');
        return err.hidden ? null : t('error_fix_fields', { n: 1 });
      },
      send: (key) => {
        const body = { version: this.state().c.version, to: to.value.trim() };
        if (reason.value.trim()) body.reason = reason.value.trim();
        return act(this.caseId, task.id, 'transfer', body, key);
      },
    });
  }

  withdraw(event) {
    const reason = h('textarea', { id: 'withdraw-reason', rows: 2 });
    this.commandDialog({
      title: t('withdraw_title'),
      body: [h('label.field-label', { for: reason.id }, t('withdraw_reason')), reason],
      submitText: t('withdraw_submit'),
      okKey: 'withdrawn_ok',
      send: (key) => {
        const body = { version: this.state().c.version };
        if (reason.value.trim()) body.reason = reason.value.trim();
        return act(this.caseId, event.task, 'withdraw', body, key);
      },
    });
  }

  // Approve: the approval form, and for a task that issues a record, the record as it will
  // be signed — rendered by the server from the case and what the supervisor has typed —
  // which they must have in front of them (and tick) before the sign button works.
  approve(task) {
    const st = this.state();
    const spec = this.spec(task.node);
    const schema = spec.approval_form ? st.forms.forms[spec.approval_form] : null;
    const form = schema ? new FormView(schema, { rules: this.rules(task.node).approve }) : null;
    const body = [];
    if (spec.approval_label) body.push(h('p.muted', label(spec.approval_label)));
    if (form) body.push(form.el);
    let ack = null;
    const record = this.recordOf(task.node);
    if (record) {
      const frame = h('iframe.record-frame', { title: t('record_preview'), name: `preview-${task.id}` });
      const status = h('p.muted.preview-status', { 'aria-live': 'polite' }, t('record_preview_loading'));
      const openLink = h('a', { target: '_blank', rel: 'noopener', hidden: true }, t('record_preview_open'));
      ack = h('input', { type: 'checkbox', id: `ack-${task.id}`, disabled: true });
      const section = h('section.preview', { 'aria-label': t('record_preview'), dataset: { state: 'loading' } });
      let generation = 0;
      let previewed = null; // the form data the preview was drawn for
      const load = async () => {
        const mine = ++generation;
        section.dataset.state = 'loading';
        status.textContent = t('record_preview_loading');
        ack.disabled = true;
        try {
          const data = form ? validateForm(schema, form.raw()).data : {};
          previewed = JSON.stringify(data);
          const res = await post(`/api/v1/cases/${this.caseId}/record-preview`, { task: task.id, form: data }, { raw: true });
          const url = URL.createObjectURL(await res.blob());
          this.previewUrls.add(url);
          if (mine !== generation) return; // a newer preview is on its way
          frame.src = url;
          openLink.href = url;
          openLink.hidden = false;
          status.textContent = t('record_preview_note');
          ack.disabled = false;
          ack.checked = false;
          section.dataset.state = 'ready';
        } catch (e) {
          if (mine !== generation) return;
          section.dataset.state = 'failed';
          status.textContent = e.status === 422 && form ? (form.showServerErrors(e.fields), this.ctx.errorMessage(e)) : this.ctx.errorMessage(e);
        }
      };
      const refresh = h('button.small', { type: 'button', onclick: load }, t('record_preview_refresh'));
      section.append(h('h3', t('record_preview')), status, frame, h('div.actions', refresh, openLink),
        h('label.check.ack', { for: ack.id }, ack, ' ', t('record_ack')));
      body.push(section);
      setTimeout(load, 0);
      // What is signed must be what was seen: a change to the opinion unticks the box and
      // redraws the record.
      if (form) {
        let timer = null;
        const changed = () => {
          // A "change" also fires when a field merely loses the focus: only a real change
          // of what would be signed counts.
          if (JSON.stringify(validateForm(schema, form.raw()).data) === previewed) return;
          generation++; // a preview still on its way was drawn for the old text: drop it
          ack.checked = false;
          ack.disabled = true;
          section.dataset.state = 'stale';
          clearTimeout(timer);
          timer = setTimeout(load, 700);
        };
        form.el.addEventListener('input', changed);
        form.el.addEventListener('change', changed);
      }
    }
    this.commandDialog({
      title: t('approve_title', { task: label(task.name) }),
      body,
      wide: !!record,
      form,
      submitText: record ? t('approve_sign') : t('approve_plain'),
      okKey: 'approved_ok',
      check: () => {
        if (ack && !ack.checked) {
          ack.focus();
          return t('record_ack_needed');
        }
        if (form && !form.collect()) return t('error_fix_fields', { n: form.el.querySelectorAll('.field.invalid').length });
        return null;
      },
      send: (key) => act(this.caseId, task.id, 'approve', { version: this.state().c.version, form: form ? form.collect() : {} }, key),
    });
  }
}
