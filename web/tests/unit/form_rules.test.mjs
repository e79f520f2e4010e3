// The web UI's form checks against the server's rules (engine/definition/form_validation.cc
// and condition.cc), and its China-time handling, in node without a browser.
import test from 'node:test';
import assert from 'node:assert/strict';
import { validateForm, checkRequireRules, evaluate } from '../../js/form_rules.js';
import { parseDateTimeInput, formatDateTime, dateTimeInputText } from '../../js/time.js';

const schema = {
  id: 'f',
  fields: [
    { id: 'title', type: 'text', required: true, maxLength: 5 },
    { id: 'note', type: 'longtext', minLength: 2 },
    { id: 'n', type: 'integer', min: 0, max: 10 },
    { id: 'loss', type: 'decimal', min: 0 },
    { id: 'at', type: 'datetime' },
    { id: 'level', type: 'enum', values: [{ id: 'I' }, { id: 'II' }] },
    { id: 'ok', type: 'boolean', required: true },
    { id: 'groups', type: 'list', items: 'enum', minItems: 1, values: [{ id: 'a' }, { id: 'b' }] },
    { id: 'names', type: 'list', items: 'text', maxItems: 2, maxLength: 3 },
    { id: 'numbers', type: 'list', items: 'integer' },
    { id: 'filing', type: 'text', system: true },
  ],
};

test('valid input becomes the data the server takes', () => {
  const { data, errors } = validateForm(schema, {
    title: '断网', note: '', n: '3', loss: '1,200.5', at: '2025-09-29 9:05', level: 'II', ok: 'false',
    groups: ['b'], names: 'x\n\n y ', numbers: '1\n2', filing: 'ignored',
  });
  assert.deepEqual(errors, {});
  assert.deepEqual(data, {
    title: '断网', n: 3, loss: 1200.5, at: '2025-09-29T09:05:00+08:00', level: 'II', ok: false,
    groups: ['b'], names: ['x', 'y'], numbers: [1, 2],
  });
});

test('problems are named per field, like the server', () => {
  assert.deepEqual(validateForm({ fields: [{ id: 'g', type: 'list', items: 'text', minItems: 2 }] }, { g: 'x' }).errors.g,
    ['f_items_min', { n: 2 }]);
  const { errors } = validateForm(schema, {
    title: '一二三四五六', note: 'x', n: '3.5', loss: '-1', at: '明天', level: 'V', ok: '', groups: [],
    names: 'abcd', numbers: '1\nx',
  });
  assert.deepEqual(errors.title, ['f_text_max', { n: 5, has: 6 }]);
  assert.deepEqual(errors.note, ['f_text_min', { n: 2 }]);
  assert.deepEqual(errors.n, ['f_integer', {}]);
  assert.deepEqual(errors.loss, ['f_min', { n: 0 }]);
  assert.deepEqual(errors.at, ['f_datetime', {}]);
  assert.deepEqual(errors.level, ['f_enum', {}]);
  assert.deepEqual(errors.ok, ['f_required', {}]);
  assert.equal(errors.groups, undefined, 'an empty optional list is left out, not sent short');
  assert.deepEqual(errors.names, ['f_item', { i: 1, inner: ['f_text_max', { n: 3, has: 4 }] }]);
  assert.deepEqual(errors.numbers, ['f_item', { i: 2, inner: ['f_integer', {}] }]);
  assert.equal(errors.filing, undefined, 'system fields are never checked or sent');
});

test('characters are counted as the server counts them (code points)', () => {
  const { errors } = validateForm({ fields: [{ id: 't', type: 'text', maxLength: 2 }] }, { t: '𠀀𠀁' });
  assert.deepEqual(errors, {});
});

test('require rules on the form’s own fields; others are left to the server', () => {
  const rules = [
    { when: { field: 'form.nature', op: 'eq', value: 'genuine' }, fields: ['category', 'loss'], message: { zh: '须填写' } },
    { when: { field: 'form.level', op: 'ne', ref: 'decision.proposed_level' }, fields: ['reason'] },
    { fields: ['always'], message: { zh: '总是' } },
  ];
  assert.deepEqual(Object.keys(checkRequireRules(rules, { nature: 'genuine', category: 'x', always: 1 })), ['loss']);
  assert.deepEqual(Object.keys(checkRequireRules(rules, { nature: 'false_alarm' })), ['always']);
  assert.equal(evaluate({ all: [{ field: 'form.a', op: 'present' }, { field: 'assess.x', op: 'eq', value: 1 }] }, { a: 1 }), undefined);
  assert.equal(evaluate({ any: [{ field: 'form.a', op: 'present' }, { field: 'assess.x', op: 'eq', value: 1 }] }, { a: 1 }), true);
  assert.equal(evaluate({ field: 'form.a', op: 'ne', value: 1 }, {}), true, 'ne holds for an absent value');
  assert.equal(evaluate({ field: 'form.a', op: 'eq', value: 1 }, {}), false);
  assert.equal(evaluate({ field: 'form.n', op: 'ge', value: 30 }, { n: 30 }), true);
  assert.equal(evaluate({ field: 'form.s', op: 'notIn', value: ['a'] }, { s: 'b' }), true);
});

test('date-times are China time whatever the machine’s zone', () => {
  assert.equal(parseDateTimeInput('2025-09-29 09:05'), '2025-09-29T09:05:00+08:00');
  assert.equal(parseDateTimeInput('2025/9/29 9:05:30'), '2025-09-29T09:05:30+08:00');
  assert.equal(parseDateTimeInput('2025年9月29日 09:05'), '2025-09-29T09:05:00+08:00');
  assert.equal(parseDateTimeInput('2025-09-29T01:05:00Z'), '2025-09-29T09:05:00+08:00');
  assert.equal(parseDateTimeInput('2025-02-30 09:00'), null);
  assert.equal(parseDateTimeInput('2025-09-29 24:00'), null);
  assert.equal(formatDateTime('2025-10-14T09:00:00Z', 'zh'), '2025年10月14日 17:00');
  assert.equal(formatDateTime('2025-10-14T17:00:00+08:00', 'en'), '2025-10-14 17:00');
  assert.equal(dateTimeInputText('2025-09-29T01:05:00Z'), '2025-09-29 09:05');
});
