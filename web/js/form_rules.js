// The checks of a form schema (forms/README.md), written to match the server's
// (engine/definition/form_validation.cc) so a clerk learns about a problem before
// sending, next to the field, in the same words; the server checks again and its 422
// `fields` land in the same places. Pure functions (no DOM), so node can test them.
//
// Raw values are what the inputs hold: strings for text, numbers, date-times, enums and
// booleans ('' / 'true' / 'false'); an array of ids for a list of enum values; one item
// per line for other lists. Errors are [messageKey, vars] pairs (i18n.js keys).

import { parseDateTimeInput } from './time.js';

function codePoints(s) {
  return [...s].length;
}

const INT_RE = /^[+-]?\d+$/;
const DEC_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// One scalar of `type`: {value} or {error: [key, vars]}.
function checkScalar(f, type, text) {
  switch (type) {
    case 'text':
    case 'longtext': {
      const n = codePoints(text);
      if (f.minLength !== undefined && n < f.minLength) return { error: ['f_text_min', { n: f.minLength }] };
      if (f.maxLength !== undefined && n > f.maxLength) return { error: ['f_text_max', { n: f.maxLength, has: n }] };
      return { value: text };
    }
    case 'integer':
    case 'decimal': {
      const s = text.trim().replace(/,/g, '');
      if (!DEC_RE.test(s)) return { error: [type === 'integer' ? 'f_integer' : 'f_number', {}] };
      const v = Number(s);
      if (!Number.isFinite(v)) return { error: ['f_number', {}] };
      if (type === 'integer' && (!INT_RE.test(s) && !Number.isInteger(v))) return { error: ['f_integer', {}] };
      if (f.min !== undefined && v < f.min) return { error: ['f_min', { n: f.min }] };
      if (f.max !== undefined && v > f.max) return { error: ['f_max', { n: f.max }] };
      return { value: v };
    }
    case 'datetime': {
      const iso = parseDateTimeInput(text);
      return iso ? { value: iso } : { error: ['f_datetime', {}] };
    }
    case 'enum':
      return (f.values || []).some((v) => v.id === text) ? { value: text } : { error: ['f_enum', {}] };
    default:
      return { value: text };
  }
}

function isEmptyRaw(f, raw) {
  if (raw === undefined || raw === null) return true;
  if (Array.isArray(raw)) return raw.length === 0;
  if (f.type === 'list') return listItems(raw).length === 0;
  return String(raw) === '' || (f.type !== 'text' && f.type !== 'longtext' && String(raw).trim() === '');
}

export function listItems(text) {
  return String(text).split('\n').map((s) => s.trim()).filter((s) => s !== '');
}

// Checks one form. `raw`: field id → raw value. Returns {data, errors}: `data` holds the
// values to send (empty fields and system fields left out), `errors` field id → [key, vars].
export function validateForm(schema, raw) {
  const data = {};
  const errors = {};
  for (const f of schema.fields || []) {
    if (f.system) continue;
    const r = raw[f.id];
    if (isEmptyRaw(f, r)) {
      if (f.required) errors[f.id] = ['f_required', {}];
      continue;
    }
    if (f.type === 'boolean') {
      if (r !== 'true' && r !== 'false' && r !== true && r !== false) errors[f.id] = ['f_enum', {}];
      else data[f.id] = r === true || r === 'true';
      continue;
    }
    if (f.type === 'list') {
      const items = Array.isArray(r) ? r : listItems(r);
      if (f.minItems !== undefined && items.length < f.minItems) {
        errors[f.id] = ['f_items_min', { n: f.minItems }];
        continue;
      }
      if (f.maxItems !== undefined && items.length > f.maxItems) {
        errors[f.id] = ['f_items_max', { n: f.maxItems }];
        continue;
      }
      const out = [];
      for (let i = 0; i < items.length; ++i) {
        const c = checkScalar(f, f.items, String(items[i]));
        if (c.error) {
          errors[f.id] = ['f_item', { i: i + 1, inner: c.error }];
          break;
        }
        out.push(c.value);
      }
      if (!errors[f.id]) data[f.id] = out;
      continue;
    }
    const c = checkScalar(f, f.type, String(r));
    if (c.error) errors[f.id] = c.error;
    else data[f.id] = c.value;
  }
  return { data, errors };
}

// The plan's `require` rules of a task ("a genuine incident needs a level"): each says
// which fields must be present when its condition holds. Only conditions on this form's
// own fields (`form.x`) are checked here; the server checks the rest (they name other
// tasks' data or decisions) and names the fields in its 422. Returns field id →
// message object ({zh, en}).
export function checkRequireRules(rules, data) {
  const errors = {};
  for (const rule of rules || []) {
    const verdict = evaluate(rule.when, data);
    if (verdict !== true) continue; // false, or unknown: leave it to the server
    for (const field of rule.fields || []) {
      const v = data[field];
      const missing = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
      if (missing && !errors[field]) errors[field] = rule.message || {};
    }
  }
  return errors;
}

// true / false, or undefined when the condition refers to anything but form fields.
// Mirrors engine/definition/condition.cc (present: not null and not ""; eq never holds
// for an absent value, ne always does).
export function evaluate(cond, data) {
  if (cond === undefined || cond === null) return true; // a rule without `when` always applies
  if (typeof cond !== 'object') return undefined;
  if (Array.isArray(cond.all)) return combine(cond.all.map((c) => evaluate(c, data)), true);
  if (Array.isArray(cond.any)) return combine(cond.any.map((c) => evaluate(c, data)), false);
  if (cond.not !== undefined) {
    const v = evaluate(cond.not, data);
    return v === undefined ? undefined : !v;
  }
  if (typeof cond.field !== 'string' || !cond.field.startsWith('form.') || cond.ref !== undefined) return undefined;
  const v = data[cond.field.slice(5)];
  const isNull = v === undefined || v === null;
  const present = !isNull && v !== '';
  const right = cond.value;
  switch (cond.op) {
    case 'present':
      return present;
    case 'absent':
      return !present;
    case 'eq':
      return !isNull && same(v, right);
    case 'ne':
      return isNull || !same(v, right);
    case 'in':
      return !isNull && Array.isArray(right) && right.some((x) => same(x, v));
    case 'notIn':
      return isNull || !Array.isArray(right) || !right.some((x) => same(x, v));
    case 'lt': case 'le': case 'gt': case 'ge': {
      if (isNull || right === undefined || right === null) return false;
      const comparable = (typeof v === 'number' && typeof right === 'number') ||
        (typeof v === 'string' && typeof right === 'string');
      if (!comparable) return false;
      const c = v < right ? -1 : v > right ? 1 : 0;
      return cond.op === 'lt' ? c < 0 : cond.op === 'le' ? c <= 0 : cond.op === 'gt' ? c > 0 : c >= 0;
    }
    default:
      return undefined;
  }
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// all (isAll) / any of three-valued results.
function combine(results, isAll) {
  if (isAll) {
    if (results.some((r) => r === false)) return false;
    return results.every((r) => r === true) ? true : undefined;
  }
  if (results.some((r) => r === true)) return true;
  return results.every((r) => r === false) ? false : undefined;
}
