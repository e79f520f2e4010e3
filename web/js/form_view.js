// Renders a form schema (from GET /api/v1/cases/{id}/forms or /definitions/{id}) as
// labelled inputs in schema order, one tab stop per input, and shows problems next to
// their field — from the checks in form_rules.js before sending, and from the server's
// 422 `fields` after. The inputs are never rebuilt while the form is open, so nothing
// typed is lost on an error or a conflict.
//
// Inputs: text → <input>; longtext → <textarea> with a character count; integer/decimal →
// <input inputmode=decimal> (type=number would silently empty a mistyped value);
// datetime → <input> taking "2025-09-29 09:30" (China time) with a "now" button and the
// reading shown beside it; enum → <select>; boolean → <select> (unset / yes / no); list of
// enum → checkboxes; other lists → <textarea>, one item per line. System fields are shown
// read-only and never sent.

import { h, uid, append } from './dom.js';
import { label, t, serverText, getLang } from './i18n.js';
import { validateForm, checkRequireRules, listItems } from './form_rules.js';
import { dateTimeInputText, parseDateTimeInput, serverNowMs, toChinaIso, formatDateTime } from './time.js';

export class FormView {
  // schema: the form; opts.values: data to start from (a returned task's earlier answers);
  // opts.system: values of system fields (the task's context); opts.rules: `require` rules.
  constructor(schema, opts = {}) {
    this.schema = schema;
    this.rules = opts.rules || [];
    this.prefix = uid('f');
    this.inputs = new Map(); // field id → {f, get(), focus(), errEl, wrap}
    this.el = h('div.form-fields');
    for (const f of schema.fields || []) this.el.append(this.renderField(f, opts.values?.[f.id], opts.system?.[f.id]));
  }

  renderField(f, value, systemValue) {
    const id = `${this.prefix}-${f.id}`;
    const errId = `${id}-err`;
    const helpId = `${id}-help`;
    const errEl = h('p.field-error', { id: errId, role: 'alert', hidden: true });
    const describedBy = [f.help ? helpId : null, errId].filter(Boolean).join(' ');
    const req = f.required && !f.system;
    const labelEl = h('label.field-label', { for: id },
      label(f.label),
      req ? h('span.req', { 'aria-hidden': 'true', title: t('required_mark') }, ' *') : null,
      f.unit ? h('span.unit', `（${f.unit}）`) : null);
    const wrap = h('div.field', { dataset: { field: f.id, type: f.type } });
    const help = f.help ? h('p.field-help', { id: helpId }, label(f.help)) : null;

    if (f.system) {
      const shown = systemValue === undefined || systemValue === null ? t('f_system') : displayValue(f, systemValue);
      append(wrap, [h('span.field-label', label(f.label)),
        h('output.system-value', { id, 'aria-readonly': 'true' }, shown), help]);
      return wrap;
    }

    let control;
    let get;
    let focus = () => control.focus();
    const common = { id, name: f.id, 'aria-describedby': describedBy, 'aria-required': req ? 'true' : null };

    if (f.type === 'longtext' || (f.type === 'list' && f.items !== 'enum')) {
      const isList = f.type === 'list';
      const initial = value === undefined || value === null ? '' : isList
        ? (Array.isArray(value) ? value : []).map((v) => (f.items === 'datetime' ? dateTimeInputText(v) : String(v))).join('\n')
        : String(value);
      control = h('textarea', { ...common, rows: isList ? 3 : 4 });
      control.value = initial;
      get = () => control.value;
      const extra = isList ? h('p.field-hint', t('f_list_hint')) : null;
      const counter = !isList && f.maxLength ? h('span.counter', { 'aria-live': 'off' }) : null;
      if (counter) {
        const update = () => {
          const n = [...control.value].length;
          counter.textContent = t('f_chars', { n, max: f.maxLength });
          counter.classList.toggle('over', n > f.maxLength);
        };
        control.addEventListener('input', update);
        update();
      }
      append(wrap, [labelEl, control, h('div.field-meta', extra, counter), help, errEl]);
    } else if (f.type === 'list') { // list of enum values: one checkbox each
      const chosen = new Set(Array.isArray(value) ? value : []);
      const boxes = (f.values || []).map((v, i) => {
        const bid = `${id}-${i}`;
        const box = h('input', { type: 'checkbox', id: bid, value: v.id, name: f.id, checked: chosen.has(v.id) });
        return { box, el: h('label.check', { for: bid }, box, ' ', label(v)) };
      });
      control = h('fieldset.checks', { id, 'aria-describedby': describedBy },
        h('legend.field-label', label(f.label), req ? h('span.req', { 'aria-hidden': 'true' }, ' *') : null),
        boxes.map((b) => b.el));
      get = () => boxes.filter((b) => b.box.checked).map((b) => b.box.value);
      focus = () => boxes[0]?.box.focus();
      append(wrap, [control, help, errEl]);
    } else if (f.type === 'enum' || f.type === 'boolean') {
      const options = f.type === 'enum'
        ? (f.values || []).map((v) => ({ id: v.id, text: label(v) }))
        : [{ id: 'true', text: t('yes') }, { id: 'false', text: t('no') }];
      control = h('select', common, h('option', { value: '' }, t('choose')),
        options.map((o) => h('option', { value: o.id }, o.text)));
      control.value = value === undefined || value === null ? '' : String(value);
      get = () => control.value;
      append(wrap, [labelEl, control, help, errEl]);
    } else if (f.type === 'datetime') {
      control = h('input', { ...common, type: 'text', autocomplete: 'off', placeholder: 'YYYY-MM-DD HH:MM', class: 'dt' });
      control.value = value ? dateTimeInputText(value) : '';
      const reading = h('span.dt-reading', { 'aria-live': 'polite' });
      const update = () => {
        const iso = control.value.trim() ? parseDateTimeInput(control.value) : null;
        reading.textContent = iso ? t('f_parsed', { t: formatDateTime(iso, getLang()) }) : '';
      };
      control.addEventListener('input', update);
      update();
      // "Now" is the server's clock, to the minute: what a clerk writes as the report time.
      const now = h('button.small', {
        type: 'button', tabindex: '-1',
        onclick: () => {
          control.value = dateTimeInputText(toChinaIso(Math.floor(serverNowMs() / 60000) * 60000));
          update();
          control.focus();
        },
      }, t('f_now'));
      get = () => control.value;
      append(wrap, [labelEl, h('div.dt-row', control, now, reading), h('p.field-hint', t('f_datetime_hint')), help, errEl]);
    } else {
      const numeric = f.type === 'integer' || f.type === 'decimal';
      control = h('input', { ...common, type: 'text', autocomplete: 'off', inputmode: numeric ? (f.type === 'integer' ? 'numeric' : 'decimal') : null });
      control.value = value === undefined || value === null ? '' : String(value);
      get = () => control.value;
      append(wrap, [labelEl, control, help, errEl]);
    }
    this.inputs.set(f.id, { f, get, focus, errEl, wrap, control });
    return wrap;
  }

  // Raw values of every input.
  raw() {
    const out = {};
    for (const [id, x] of this.inputs) out[id] = x.get();
    return out;
  }

  // Checks the inputs; shows the problems. Returns the data to send, or null.
  collect() {
    const { data, errors } = validateForm(this.schema, this.raw());
    const messages = {};
    for (const [id, e] of Object.entries(errors)) messages[id] = errorText(e);
    for (const [id, m] of Object.entries(checkRequireRules(this.rules, data)))
      if (!messages[id] && this.inputs.has(id)) messages[id] = label(m) || t('f_required');
    this.showErrors(messages);
    return Object.keys(messages).length ? null : data;
  }

  // collect(), and when something is wrong, says how many fields in `errorEl` (shown).
  collectOrReport(errorEl) {
    const data = this.collect();
    if (!data) {
      errorEl.hidden = false;
      errorEl.textContent = t('error_fix_fields', { n: this.el.querySelectorAll('.field.invalid').length });
    }
    return data;
  }

  // field id → message; unknown ids are returned (the caller shows them elsewhere).
  showErrors(messages) {
    this.clearErrors();
    const unplaced = {};
    let first = null;
    for (const f of this.schema.fields || []) {
      const m = messages[f.id];
      if (!m) continue;
      const x = this.inputs.get(f.id);
      if (!x) {
        unplaced[f.id] = m;
        continue;
      }
      x.errEl.textContent = m;
      x.errEl.hidden = false;
      x.wrap.classList.add('invalid');
      x.control.setAttribute('aria-invalid', 'true');
      first = first || x;
    }
    for (const [k, m] of Object.entries(messages)) if (!this.schema.fields?.some((f) => f.id === k)) unplaced[k] = m;
    if (first) first.focus();
    return { count: Object.keys(messages).length, unplaced };
  }

  // The server's 422 `fields` for form data: "form.title" or "title" → message.
  showServerErrors(fields) {
    const messages = {};
    for (const [k, m] of Object.entries(fields || {})) {
      const key = k.replace(/^form\./, '').replace(/\[\d+\]$/, '');
      const idx = k.match(/\[(\d+)\]$/);
      const text = serverText(m);
      messages[key] = idx ? t('f_item', { i: +idx[1] + 1, msg: text }) : text;
    }
    return this.showErrors(messages);
  }

  clearErrors() {
    for (const x of this.inputs.values()) {
      x.errEl.hidden = true;
      x.errEl.textContent = '';
      x.wrap.classList.remove('invalid');
      x.control.removeAttribute('aria-invalid');
    }
  }

  focusFirst() {
    const first = this.inputs.values().next().value;
    if (first) first.focus();
  }
}

export function errorText([key, vars]) {
  if (key === 'f_item') return t('f_item', { i: vars.i, msg: errorText(vars.inner) });
  return t(key, vars);
}

// A stored value as text for reading (data panels, system fields).
export function displayValue(f, v) {
  if (v === undefined || v === null || v === '') return '';
  const one = (type, x) => {
    if (type === 'enum') {
      const found = (f.values || []).find((e) => e.id === x);
      return found ? label(found) : String(x);
    }
    if (type === 'boolean') return x ? t('yes') : t('no');
    if (type === 'datetime') return formatDateTime(x, getLang());
    return String(x);
  };
  if (f.type === 'list') return (Array.isArray(v) ? v : [v]).map((x) => one(f.items, x)).join('；');
  return one(f.type, v);
}

// Enter submits a form from any single-line control (and from a select, where browsers do
// not); Ctrl+Enter from a textarea; Esc calls onCancel.
export function wireKeys(formEl, onCancel) {
  formEl.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && onCancel) {
      ev.preventDefault();
      onCancel();
      return;
    }
    if (ev.key !== 'Enter' || ev.isComposing) return; // Enter confirming an IME candidate
    const tgt = ev.target;
    if (tgt.tagName === 'TEXTAREA') {
      if (ev.ctrlKey || ev.metaKey) {
        ev.preventDefault();
        formEl.requestSubmit();
      }
      return;
    }
    if (tgt.tagName === 'BUTTON' || tgt.type === 'checkbox' || tgt.type === 'file') return;
    ev.preventDefault();
    formEl.requestSubmit();
  });
}

export { listItems };

// A 422 answer shown: each field's problem beside it (when `form` has the field), and in
// `errorEl` how many there are, the ones with no place in the form (translated), and the
// server's message when none could be placed.
export function showServerProblems(form, e, errorEl) {
  const shown = form ? form.showServerErrors(e.fields) : { count: Object.keys(e.fields).length, unplaced: e.fields };
  const lines = Object.entries(shown.unplaced).map(([k, m]) => `${k}: ${serverText(m)}`);
  errorEl.append(t('error_fix_fields', { n: shown.count || 1 }),
    lines.length ? h('ul', lines.map((l) => h('li', l))) : '',
    !shown.count ? ` ${e.message}` : '');
}
