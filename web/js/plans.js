// Cached reads the pages share: definitions (plan names, the first task's form and the
// `require` rules of every task), and case summaries for lists that carry only case ids.

import { get, query } from './api.js';

const defs = new Map(); // "id@version" → Promise<definition answer>

// GET /api/v1/definitions/{id}[?version=N], cached (a deployed version never changes).
export function definition(id, version = 0) {
  const key = `${id}@${version}`;
  if (!defs.has(key)) {
    const p = get(`/api/v1/definitions/${encodeURIComponent(id)}${version ? query({ version }) : ''}`);
    p.catch(() => defs.delete(key));
    defs.set(key, p);
  }
  return defs.get(key);
}

// The `require` rules of a task of a definition document: {fill: [...], approve: [...]}.
export function requireRules(defAnswer, taskId) {
  const doc = defAnswer?.definition || {};
  for (const stage of doc.stages || [])
    for (const task of stage.tasks || [])
      if (task.id === taskId) return { fill: task.require || [], approve: task.approval?.require || [] };
  return { fill: [], approve: [] };
}

// The record a task issues when it completes ("" when none): what its approver signs.
export function recordKind(defAnswer, taskId) {
  for (const stage of defAnswer?.definition?.stages || [])
    for (const task of stage.tasks || []) if (task.id === taskId) return task.record || '';
  return '';
}

const summaries = new Map(); // case id → Promise<summary | null>

// One case's summary (title, level…) through the case list: `after` = id − 1, one row.
export function caseSummary(id, fresh = false) {
  if (fresh || !summaries.has(id)) {
    const p = get(`/api/v1/cases${query({ after: id - 1, limit: 1 })}`)
      .then((r) => (r.cases?.[0]?.id === id ? r.cases[0] : null))
      .catch(() => null);
    summaries.set(id, p);
  }
  return summaries.get(id);
}

export function forgetCase(id) {
  summaries.delete(id);
}
