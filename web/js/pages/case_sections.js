// The read-only parts of the case page, drawn from GET /api/v1/cases/{id} (and its forms):
// the summary, the six stages, deadlines, issued records, the submitted data, and the
// history with who / when / what and old → new. Pure rendering: each function returns an
// element.

import { h } from '../dom.js';
import { t, label, dt, duration, roleName, getLang } from '../i18n.js';
import { displayValue } from '../form_view.js';

const LEVEL_COLOUR = { I: 'red', II: 'orange', III: 'yellow', IV: 'blue' };

export function levelBadge(level, colour) {
  if (!level) return null;
  return h('span.badge.level', { class: `lv-${colour || LEVEL_COLOUR[level] || 'grey'}` }, getLang() === 'zh' ? `${level}级` : level);
}

export function summarySection(c) {
  const f = c.fields || {};
  const rows = [
    [t('case_plan'), `${label(c.plan_name)}（v${c.plan_version}）`],
    [t('case_unit'), c.unit],
    [t('case_opened'), dt(c.opened_at)],
    [t('case_opened_by'), c.opened_by],
    [t('case_status'), h('span', { class: `status-${c.status}` }, t(`status_${c.status}`), c.outcome ? `（${c.outcome}）` : '')],
  ];
  if (f.proposed_level) rows.push([t('case_proposed_level'), f.proposed_level]);
  if (f.level) rows.push([t('case_level'), levelBadge(f.level, f.warning_colour)]);
  if (f.filing_number) rows.push([t('case_filing'), h('strong.filing-number', f.filing_number)]);
  rows.push([t('case_version'), String(c.version)]);
  return h('dl.summary', rows.map(([k, v]) => [h('dt', k), h('dd', v)]));
}

export function stagesSection(c) {
  return h('section.card', { 'aria-labelledby': 'stages-h' },
    h('h2#stages-h', t('stages')),
    h('ol.stages', c.stages.map((s, i) => h('li.stage', { class: `st-${s.state}`, 'aria-current': s.state === 'active' ? 'step' : null },
      h('span.stage-no', String(i + 1)),
      h('span.stage-name', label(s.name)),
      h('span.stage-state', t(`stage_${s.state}`))))));
}

export function deadlinesSection(c) {
  const list = c.deadlines || [];
  return h('section.card', { 'aria-labelledby': 'dl-h' },
    h('h2#dl-h', t('deadlines')),
    list.length ? h('table.grid.deadlines', h('thead', h('tr',
      h('th', { scope: 'col' }, t('dl_name')), h('th', { scope: 'col' }, t('dl_start')),
      h('th', { scope: 'col' }, t('dl_due')), h('th', { scope: 'col' }, t('dl_done')),
      h('th', { scope: 'col' }, t('dl_state')))),
    h('tbody', list.map((d) => h('tr', { class: `dl-${d.state}`, dataset: { key: d.key } },
      h('td', label(d.name), d.key.includes('@') ? h('span.muted', ` ${d.key.split('@')[1]}`) : null),
      h('td', dt(d.start)),
      h('td', d.due ? dt(d.due) : h('span.muted', d.error || '')),
      h('td', dt(d.done_at)),
      h('td', h('span.badge', { class: `dls-${d.state}` }, t(`dl_${d.state}`)),
        d.late_by_minutes ? h('span.late-by', ` ${t('dl_late_by', { d: duration(d.late_by_minutes * 60000) })}`) : null))))) :
      h('p.muted', t('none')));
}

export function recordsSection(c, records, onDownload) {
  const byTask = new Map((c.tasks || []).map((x) => [x.id, x]));
  return h('section.card', { 'aria-labelledby': 'rec-h' },
    h('h2#rec-h', t('records')),
    records === null ? h('p.muted', t('loading')) : records.length ? h('ul.records', records.map((r) => {
      const task = byTask.get(r.task);
      const b = h('button.small', { type: 'button', onclick: () => onDownload(r, b) }, t('rec_download'));
      return h('li', { dataset: { record: r.id } },
        h('strong', task ? label(task.name) : r.node), ` · ${r.kind} · `,
        h('span.muted', t('rec_issued', { seq: r.seq })), ' ', h('code.hash', r.sha256.slice(0, 16)), ' ', b);
    })) : h('p.muted', t('records_none')));
}

// The data submitted so far, task by task, with the form's labels.
export function dataSection(c, formsAnswer) {
  const specs = new Map((formsAnswer?.tasks || []).map((x) => [x.id, x]));
  const parts = [];
  for (const [node, values] of Object.entries(c.data || {})) {
    const spec = specs.get(node);
    const fields = [
      ...(formsAnswer?.forms?.[spec?.form]?.fields || []),
      ...(formsAnswer?.forms?.[spec?.approval_form]?.fields || []),
    ];
    const rows = [];
    for (const f of fields) {
      const v = values?.[f.id];
      if (v === undefined || v === null || v === '') continue;
      rows.push(h('dt', label(f.label)), h('dd', displayValue(f, v)));
    }
    if (!rows.length) continue;
    parts.push(h('details.data-node', h('summary', spec ? label(spec.name) : node), h('dl.data', rows)));
  }
  return h('section.card', { 'aria-labelledby': 'data-h' }, h('h2#data-h', t('data_title')),
    parts.length ? parts : h('p.muted', t('none')));
}

// "report.title" → "报告事件信息 · 事件名称"
function fieldName(path, formsAnswer) {
  const [node, field] = path.split('.');
  const spec = (formsAnswer?.tasks || []).find((x) => x.id === node);
  if (!spec) return path;
  const fields = [...(formsAnswer.forms?.[spec.form]?.fields || []), ...(formsAnswer.forms?.[spec.approval_form]?.fields || [])];
  const f = fields.find((x) => x.id === field);
  return `${label(spec.name)} · ${f ? label(f.label) : field}`;
}

function changeValue(path, v, formsAnswer) {
  if (v === null || v === undefined) return t('empty');
  const [node, field] = path.split('.');
  const spec = (formsAnswer?.tasks || []).find((x) => x.id === node);
  const fields = spec ? [...(formsAnswer.forms?.[spec.form]?.fields || []), ...(formsAnswer.forms?.[spec.approval_form]?.fields || [])] : [];
  const f = fields.find((x) => x.id === field);
  if (f) return displayValue(f, v) || t('empty');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function secondsTime(v) {
  return typeof v === 'number' ? dt(v * 1000) : dt(v);
}

// One effect of a history event, in words.
export function effectText(e, c) {
  const zh = getLang() === 'zh';
  const task = (id) => {
    const x = (c.tasks || []).find((y) => y.id === id);
    return x ? `「${label(x.name)}」` : id;
  };
  const dl = (key) => {
    const x = (c.deadlines || []).find((y) => y.key === key);
    return x ? `「${label(x.name)}」${key.includes('@') ? key.split('@')[1] : ''}` : key;
  };
  const who = (role, unit) => `${roleName(role)} · ${unit}`;
  switch (e.type) {
    case 'case.opened': return zh ? `立案（${e.unit}）` : `case opened (${e.unit})`;
    case 'case.closed': return zh ? `结案：${e.outcome}` : `case closed: ${e.outcome}`;
    case 'case.cc': return zh ? `抄送 ${who(e.role, e.unit)}` : `copied to ${who(e.role, e.unit)}`;
    case 'task.created': return zh ? `新事项 ${task(e.task)}（${who(e.role, e.unit)}）` : `new task ${task(e.task)} (${who(e.role, e.unit)})`;
    case 'task.submitted': return zh ? `提交 ${task(e.task)}` : `submitted ${task(e.task)}`;
    case 'task.awaiting_approval': return zh ? `${task(e.task)} 待 ${who(e.role, e.unit)} 审批` : `${task(e.task)} awaits approval by ${who(e.role, e.unit)}`;
    case 'task.approved': return zh ? `批准 ${task(e.task)}` : `approved ${task(e.task)}`;
    case 'task.done': return zh ? `${task(e.task)} 完成` : `${task(e.task)} done`;
    case 'task.returned': return zh ? `${task(e.task)} 退回给 ${e.to || who(e.role, e.unit)}：${e.reason}` : `${task(e.task)} returned to ${e.to || who(e.role, e.unit)}: ${e.reason}`;
    case 'task.transferred': return zh ? `${task(e.task)} 由 ${e.from} 转办给 ${e.to}${e.reason ? `：${e.reason}` : ''}` : `${task(e.task)} transferred from ${e.from} to ${e.to}${e.reason ? `: ${e.reason}` : ''}`;
    case 'task.claimed': return zh ? `${e.by || ''} 领取 ${task(e.task)}` : `${task(e.task)} claimed by ${e.by || ''}`;
    case 'task.unclaimed': return zh ? `${task(e.task)} 退回领取池` : `${task(e.task)} unclaimed`;
    case 'task.cancelled': return zh ? `${task(e.task)} 取消（${e.reason}）` : `${task(e.task)} cancelled (${e.reason})`;
    case 'task.filed': return zh ? `备案编号：${e.number}` : `filing number: ${e.number}`;
    case 'deadline.started': return zh ? `时限 ${dl(e.key)} 起算，截止 ${secondsTime(e.due)}` : `deadline ${dl(e.key)} started, due ${secondsTime(e.due)}`;
    case 'deadline.met': return e.late_by ? (zh ? `时限 ${dl(e.key)} 逾期完成（逾期 ${duration(e.late_by * 1000)}）` : `deadline ${dl(e.key)} met late (by ${duration(e.late_by * 1000)})`) : (zh ? `时限 ${dl(e.key)} 按时完成` : `deadline ${dl(e.key)} met`);
    case 'deadline.missed': return zh ? `时限 ${dl(e.key)} 已超时` : `deadline ${dl(e.key)} missed`;
    case 'deadline.reminded': return zh ? `时限 ${dl(e.key)} 到期提醒` : `reminder for ${dl(e.key)}`;
    case 'deadline.rolled': return zh ? `时限 ${dl(e.key)} 转入次日` : `${dl(e.key)} rolled to the next day`;
    case 'deadline.cancelled': return zh ? `时限 ${dl(e.key)} 取消（${e.reason}）` : `deadline ${dl(e.key)} cancelled (${e.reason})`;
    case 'deadline.escalated': return zh ? `时限 ${dl(e.key)} 升级督办` : `deadline ${dl(e.key)} escalated`;
    case 'record.issued': return zh ? `签发记录 ${e.kind}（SHA-256 ${String(e.sha256).slice(0, 12)}…）${e.unsigned ? `，未加数字签名：${e.unsigned.join('、')}` : ''}` : `record ${e.kind} issued (SHA-256 ${String(e.sha256).slice(0, 12)}…)${e.unsigned ? `, unsigned by ${e.unsigned.join(', ')}` : ''}`;
    case 'join.arrived': return zh ? `汇合（${e.count}）` : `join (${e.count})`;
    default: return e.type;
  }
}

const QUIET = new Set(['task.submitted', 'task.approved', 'join.arrived']); // said by the command itself

export function historySection(c, formsAnswer) {
  const rows = [...(c.history || [])].reverse().map((e) => {
    const task = (c.tasks || []).find((x) => x.id === e.task);
    const cmd = t(`cmd_${e.command}`);
    const what = [h('strong', cmd === `cmd_${e.command}` ? e.command : cmd), task ? ` ${label(task.name)}` : e.node ? ` ${e.node}` : ''];
    if (e.target) what.push(` → ${e.target}`);
    const changes = (e.changes || []).map((ch) => h('li',
      h('span.field-name', fieldName(ch.field, formsAnswer)), '：',
      h('del.old', changeValue(ch.field, ch.old, formsAnswer)), ' → ',
      h('ins.new', changeValue(ch.field, ch.new, formsAnswer))));
    const effects = (e.effects || []).filter((x) => !QUIET.has(x.type)).map((x) => h('li', effectText(x, c)));
    return h('tr', { dataset: { seq: e.seq } },
      h('td', String(e.seq)),
      h('td.nowrap', dt(e.at)),
      h('td', e.actor === 'system' ? h('span.muted', 'system') : [e.actor_name || e.actor, h('br'), h('span.muted', `${roleName(e.role)} · ${e.unit}`)]),
      h('td', what, e.reason ? h('p.reason', `${t('h_reason')}：${e.reason}`) : null,
        effects.length ? h('ul.effects', effects) : null),
      h('td', changes.length ? h('ul.changes', changes) : ''),
      h('td', h('code.hash', { title: e.hash }, String(e.hash || '').slice(0, 10))));
  });
  return h('section.card', { 'aria-labelledby': 'hist-h' },
    h('h2#hist-h', t('history')),
    h('div.scroll', h('table.grid.history', h('thead', h('tr',
      h('th', { scope: 'col' }, t('h_seq')), h('th', { scope: 'col' }, t('h_when')),
      h('th', { scope: 'col' }, t('h_who')), h('th', { scope: 'col' }, t('h_what')),
      h('th', { scope: 'col' }, t('h_changes')), h('th', { scope: 'col' }, t('h_hash')))),
    h('tbody', rows))));
}
