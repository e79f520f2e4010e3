// Languages: Chinese first, English on request; the choice is remembered in localStorage.
// t(key, vars) looks a UI string up; label(obj) picks from the {zh, en} objects the API
// sends (form labels, task and stage names). Server messages are English with Chinese
// field labels; serverText() renders the common form-validation ones in Chinese.

import { formatDateTime } from './time.js';

const STORE_KEY = 'erflow.lang';

const S = {
  zh: {
    app_title: 'erflow 应急事件处置',
    skip: '跳到正文',
    nav_queue: '我的待办', nav_cases: '案件', nav_new: '报告事件', nav_archive: '档案',
    nav_users: '用户', nav_definitions: '预案定义', nav_calendar: '工作日历',
    lang_switch: 'English', sign_out: '退出',
    signed_in_as: '{name}（{unit}）',
    sign_in_title: '登录', sign_in_intro: '应急事件处置工作平台',
    user_name: '用户名', password: '密码', sign_in: '登录', signing_in: '正在登录…',
    sign_in_again: '会话已过期，请重新登录后继续（已填写的内容不会丢失）。',
    loading: '载入中…', retry: '重试', cancel: '取消', close: '关闭', save: '保存',
    submit: '提交', required_mark: '必填', optional: '选填',
    error_network: '无法连接服务器，请检查网络后重试。',
    error_generic: '操作未成功：{msg}',
    error_forbidden: '无权执行此操作：{msg}',
    error_not_found: '未找到：{msg}',
    error_fix_fields: '请更正标出的 {n} 处问题后再提交。',
    done_ok: '已完成。',
    // queue
    queue_title: '我的待办', queue_refresh: '刷新', queue_empty: '暂无待办事项。',
    queue_escalations: '督办：已超时事项', queue_mine: '我已领取', queue_approvals: '待我审批',
    queue_pool: '待领取', queue_updated: '更新于 {time}',
    col_case: '案件', col_task: '事项', col_plan: '预案', col_unit: '单位', col_created: '创建时间',
    col_due: '办理时限', col_actions: '操作', col_role: '角色', col_assignee: '办理人',
    claim: '领取', unclaim: '退回领取池', open_case: '办理', view_case: '查看',
    claimed: '已领取：案件 {case} {task}。', no_due: '无时限',
    left: '剩余 {d}', overdue_by: '已超时 {d}', overdue: '已超时',
    dur_d: '{n}天', dur_h: '{n}小时', dur_m: '{n}分', dur_s: '{n}秒',
    kind_task: '填报', kind_approval: '审批', kind_escalation: '督办',
    // new case
    new_title: '报告突发事件', choose_plan: '选择应急预案', plan_choose: '填写报告', plan: '预案',
    new_submit: '提交报告', new_done: '已报告，案件编号 {id}。',
    // case page
    case_title: '案件 {id}', case_back: '返回待办', case_reload: '重新载入',
    case_plan: '预案', case_unit: '事发单位', case_opened: '报告时间', case_opened_by: '报告人',
    case_status: '状态', case_version: '版本', case_level: '级别', case_proposed_level: '系统建议级别',
    case_filing: '备案编号', case_outcome: '结果',
    status_active: '处置中', status_closed: '已结案',
    stages: '处置阶段', stage_pending: '未开始', stage_active: '进行中', stage_done: '已完成',
    work: '办理', work_none: '本案当前没有您可办理的事项。', open_tasks: '待办事项',
    phase_fill: '待填报', phase_approve: '待审批',
    task_assignee: '办理人：{name}', task_unassigned: '未领取', task_candidates: '{role} · {unit}',
    task_returned: '被退回：{reason}', task_submitted_by: '填报人：{name}',
    task_approvers: '会签人：{names}', task_approved_by: '已签：{names}',
    act_submit: '填报', act_approve: '审批', act_return: '退回', act_transfer: '转办',
    act_claim: '领取', act_unclaim: '退回领取池', act_withdraw: '撤销',
    adhoc: '可随时发起', adhoc_start: '发起：{name}',
    form_for: '{task}', form_submit: '提交', form_cancel: '取消',
    form_hint_keys: '提示：Tab 在各项之间移动，Enter 提交（多行文字中用 Ctrl+Enter），Esc 取消。',
    conflict: '案件已被他人更新（版本 {old} → {new}），已重新载入。您填写的内容已保留，请核对后重新提交。',
    conflict_gone: '该事项已由他人办理或已关闭，无法再提交。您填写的内容仍保留在下方，可复制备用。',
    resubmit: '按最新版本重新提交', discard_confirm: '放弃已填写的内容？',
    submitted_ok: '已提交。', approved_ok: '已批准并签署。', returned_ok: '已退回。',
    transferred_ok: '已转办给 {to}。', claimed_ok: '已领取。', unclaimed_ok: '已退回领取池。',
    withdrawn_ok: '已撤销。', replayed: '（重复提交，服务器已按第一次处理）',
    filing_number_is: '备案编号：{n}',
    // approve dialog
    approve_title: '审批：{task}', approve_label: '审批',
    record_preview: '待签署记录（预览）', record_preview_loading: '正在生成记录预览…',
    record_preview_note: '以下是批准后将以您的数字证书签署的记录。备案编号等由系统在批准时填入。',
    record_preview_open: '在新窗口打开预览', record_preview_refresh: '按填写的意见更新预览',
    record_ack: '我已阅读上述记录，确认签署',
    record_ack_needed: '请先阅读记录预览并勾选确认。',
    approve_sign: '签署并批准', approve_plain: '批准',
    return_title: '退回：{task}', return_reason: '退回理由', return_submit: '退回',
    transfer_title: '转办：{task}', transfer_to: '转办给（用户名）', transfer_reason: '转办说明',
    transfer_submit: '转办',
    withdraw_title: '撤销我最近的操作', withdraw_reason: '撤销理由', withdraw_submit: '撤销',
    withdraw_what: '将撤销：{what}（{when}）',
    // deadlines
    deadlines: '时限', dl_name: '时限要求', dl_start: '起算', dl_due: '截止', dl_done: '完成',
    dl_state: '状态', dl_pending: '进行中', dl_met: '按时', dl_late: '逾期完成', dl_missed: '已超时',
    dl_cancelled: '已取消', dl_unknown: '无法计算', dl_late_by: '逾期 {d}',
    // records
    records: '已签发记录', rec_kind: '记录', rec_task: '事项', rec_issued: '签发于历史第 {seq} 条',
    rec_download: '下载 PDF', records_none: '尚未签发记录。',
    // data
    data_title: '已填报内容',
    // history
    history: '处置历史', h_seq: '序号', h_when: '时间', h_who: '操作人', h_what: '操作',
    h_changes: '变更（原值 → 新值）', h_reason: '理由', h_hash: '哈希',
    cmd_open: '报告（立案）', cmd_submit: '提交', cmd_approve: '批准', cmd_return: '退回',
    cmd_transfer: '转办', cmd_claim: '领取', cmd_unclaim: '退回领取池', cmd_withdraw: '撤销',
    cmd_tick: '系统计时', cmd_timer: '系统计时',
    yes: '是', no: '否', empty: '（空）', none: '无', choose: '— 请选择 —',
    // forms
    f_required: '必填', f_text_min: '至少 {n} 个字', f_text_max: '最多 {n} 个字（现有 {has} 个）',
    f_number: '请输入数字', f_integer: '请输入整数', f_min: '不能小于 {n}', f_max: '不能大于 {n}',
    f_datetime: '请按“2025-09-29 09:30”格式输入日期时间', f_enum: '请从列表中选择',
    f_items_min: '至少 {n} 项', f_items_max: '最多 {n} 项', f_item: '第 {i} 项：{msg}',
    f_datetime_hint: '格式：2025-09-29 09:30（北京时间）', f_list_hint: '每行一项',
    f_now: '现在', f_system: '由系统填写', f_chars: '{n}/{max} 字',
    f_parsed: '= {t}',
    // archive
    archive_title: '档案', register_title: '台账（Excel）', reg_from: '起始日期', reg_to: '截止日期',
    reg_lang: '语言', reg_download: '下载台账 XLSX', reg_done: '已下载台账 {file}（{n} 件案件）。',
    dossiers_title: '案卷（PDF）', dossier_list: '列出案件', dossier_download: '下载案卷',
    dossier_done: '已下载案卷 {file}。',
    verify_title: '验证 PDF', verify_intro: '上传档案中的记录或案卷 PDF，核对数字签名以及文件哈希是否与处置历史一致。',
    verify_file: 'PDF 文件', verify_button: '验证',
    verify_ok: '验证通过', verify_failed: '验证未通过',
    verify_failed_which: '未通过的检查：{which}',
    check_signatures: '检查一：数字签名', check_history: '检查二：与处置历史比对',
    check_passed: '通过', check_failed: '未通过',
    sig_signer: '签名人', sig_time: '签署时间', sig_reason: '事由',
    sig_byte_range: '签名范围', sig_digest: '内容摘要', sig_value: '签名值', sig_chain: '证书链',
    sig_none: '文件中没有数字签名。', held_by: '该文件哈希记录于：',
    history_missing: '没有任何完好的处置历史或导出记录包含该文件的哈希：文件已被改动，或并非本档案签发。',
    problems: '问题', sha256: 'SHA-256',
    // cases list
    cases_title: '案件', filter_plan: '预案', filter_status: '状态', filter_overdue: '有超时事项',
    filter_from: '报告日期自', filter_to: '至', filter_apply: '查询', any: '全部', more: '下一页',
    col_title: '事件名称', col_level: '级别', col_status: '状态', col_opened: '报告时间',
    // admin
    users_title: '用户', u_name: '用户名', u_display: '姓名', u_roles: '角色', u_unit: '单位',
    u_scope: '范围', u_active: '启用', u_create: '新建用户', u_edit: '编辑', u_save: '保存', u_password: '设置密码',
    u_new_password: '新密码（至少10位）', u_created: '已创建用户 {name}。', u_saved: '已保存。',
    u_password_set: '已为 {name} 设置密码。', scope_unit: '本单位', scope_all: '全部',
    role_clerk: '办事员', role_supervisor: '领导', role_inspector: '纪检', role_archivist: '档案员',
    role_admin: '管理员',
    defs_title: '预案定义', def_id: '标识', def_version: '版本', def_hash: '内容哈希',
    def_deployed: '部署时间', def_by: '部署人', def_deploy_all: '从数据目录部署全部预案',
    def_deploy_ids: '部署指定预案（标识，逗号分隔）', def_deploy: '部署',
    def_deployed_msg: '部署结果：{list}', def_new: '新版本 {v}', def_same: '无变化（版本 {v}）',
    cal_title: '工作日历', cal_year: '年份', cal_source: '依据', cal_holidays: '节假日',
    cal_adjusted: '调休上班', cal_add: '添加年份（JSON 文档）', cal_added: '已添加 {year} 年。',
    audit_title: '审计', audit_run: '核验全部处置历史', audit_ok: '核验通过：{cases} 件案件，{events} 条历史。',
    audit_bad: '发现 {n} 处问题：',
    page_not_found: '页面不存在。',
  },
  en: {
    app_title: 'erflow incident response',
    skip: 'Skip to content',
    nav_queue: 'My work', nav_cases: 'Cases', nav_new: 'Report', nav_archive: 'Archive',
    nav_users: 'Users', nav_definitions: 'Plans', nav_calendar: 'Calendar',
    lang_switch: '中文', sign_out: 'Sign out',
    signed_in_as: '{name} ({unit})',
    sign_in_title: 'Sign in', sign_in_intro: 'Emergency incident workflow',
    user_name: 'User name', password: 'Password', sign_in: 'Sign in', signing_in: 'Signing in…',
    sign_in_again: 'Your session has ended. Sign in again to continue (nothing you typed is lost).',
    loading: 'Loading…', retry: 'Retry', cancel: 'Cancel', close: 'Close', save: 'Save',
    submit: 'Submit', required_mark: 'required', optional: 'optional',
    error_network: 'Cannot reach the server. Check the network and try again.',
    error_generic: 'Not done: {msg}',
    error_forbidden: 'Not allowed: {msg}',
    error_not_found: 'Not found: {msg}',
    error_fix_fields: 'Please correct the {n} marked problem(s) and submit again.',
    done_ok: 'Done.',
    queue_title: 'My work', queue_refresh: 'Refresh', queue_empty: 'Nothing to do.',
    queue_escalations: 'Escalations: overdue work', queue_mine: 'Claimed by me',
    queue_approvals: 'Awaiting my approval', queue_pool: 'Unclaimed', queue_updated: 'Updated {time}',
    col_case: 'Case', col_task: 'Task', col_plan: 'Plan', col_unit: 'Unit', col_created: 'Created',
    col_due: 'Due', col_actions: 'Actions', col_role: 'Role', col_assignee: 'Holder',
    claim: 'Claim', unclaim: 'Unclaim', open_case: 'Open', view_case: 'View',
    claimed: 'Claimed: case {case} {task}.', no_due: 'no deadline',
    left: '{d} left', overdue_by: 'overdue by {d}', overdue: 'Overdue',
    dur_d: '{n}d', dur_h: '{n}h', dur_m: '{n}m', dur_s: '{n}s',
    kind_task: 'Form', kind_approval: 'Approval', kind_escalation: 'Escalation',
    new_title: 'Report an incident', choose_plan: 'Emergency plan', plan_choose: 'Fill in the report', plan: 'Plan',
    new_submit: 'Submit the report', new_done: 'Reported: case {id}.',
    case_title: 'Case {id}', case_back: 'Back to my work', case_reload: 'Reload',
    case_plan: 'Plan', case_unit: 'Incident unit', case_opened: 'Reported', case_opened_by: 'Reported by',
    case_status: 'Status', case_version: 'Version', case_level: 'Level', case_proposed_level: 'Proposed level',
    case_filing: 'Filing number', case_outcome: 'Outcome',
    status_active: 'Active', status_closed: 'Closed',
    stages: 'Stages', stage_pending: 'Not started', stage_active: 'In progress', stage_done: 'Done',
    work: 'Work', work_none: 'Nothing on this case for you to do now.', open_tasks: 'Open tasks',
    phase_fill: 'To fill in', phase_approve: 'Awaiting approval',
    task_assignee: 'Held by {name}', task_unassigned: 'Unclaimed', task_candidates: '{role} · {unit}',
    task_returned: 'Returned: {reason}', task_submitted_by: 'Submitted by {name}',
    task_approvers: 'Countersigners: {names}', task_approved_by: 'Signed: {names}',
    act_submit: 'Fill in', act_approve: 'Approve', act_return: 'Return', act_transfer: 'Transfer',
    act_claim: 'Claim', act_unclaim: 'Unclaim', act_withdraw: 'Withdraw',
    adhoc: 'Can be started any time', adhoc_start: 'Start: {name}',
    form_for: '{task}', form_submit: 'Submit', form_cancel: 'Cancel',
    form_hint_keys: 'Tip: Tab moves between fields, Enter submits (Ctrl+Enter in multi-line text), Esc cancels.',
    conflict: 'Someone else changed the case (version {old} → {new}); it has been reloaded. What you typed is kept: check it and submit again.',
    conflict_gone: 'This task has been done by someone else or is closed. What you typed is still below, to copy.',
    resubmit: 'Submit again on the latest version', discard_confirm: 'Discard what you typed?',
    submitted_ok: 'Submitted.', approved_ok: 'Approved and signed.', returned_ok: 'Returned.',
    transferred_ok: 'Transferred to {to}.', claimed_ok: 'Claimed.', unclaimed_ok: 'Unclaimed.',
    withdrawn_ok: 'Withdrawn.', replayed: ' (a repeated request: the server kept the first one)',
    filing_number_is: 'Filing number: {n}',
    approve_title: 'Approve: {task}', approve_label: 'Approval',
    record_preview: 'The record you sign (preview)', record_preview_loading: 'Rendering the record preview…',
    record_preview_note: 'This is the record your certificate signs when you approve. The system fills in the filing number and the like on approval.',
    record_preview_open: 'Open the preview in a new window', record_preview_refresh: 'Update the preview with my opinion',
    record_ack: 'I have read the record above and sign it',
    record_ack_needed: 'Read the record preview and tick the box first.',
    approve_sign: 'Sign and approve', approve_plain: 'Approve',
    return_title: 'Return: {task}', return_reason: 'Reason for returning', return_submit: 'Return',
    transfer_title: 'Transfer: {task}', transfer_to: 'Transfer to (user name)', transfer_reason: 'Note',
    transfer_submit: 'Transfer',
    withdraw_title: 'Withdraw my latest action', withdraw_reason: 'Reason', withdraw_submit: 'Withdraw',
    withdraw_what: 'Withdraws: {what} ({when})',
    deadlines: 'Deadlines', dl_name: 'Deadline', dl_start: 'Counted from', dl_due: 'Due', dl_done: 'Done',
    dl_state: 'State', dl_pending: 'Pending', dl_met: 'Met', dl_late: 'Late', dl_missed: 'Missed',
    dl_cancelled: 'Cancelled', dl_unknown: 'Unknown', dl_late_by: 'late by {d}',
    records: 'Issued records', rec_kind: 'Record', rec_task: 'Task', rec_issued: 'issued by history event {seq}',
    rec_download: 'Download PDF', records_none: 'No records issued yet.',
    data_title: 'Submitted data',
    history: 'History', h_seq: '#', h_when: 'When', h_who: 'Who', h_what: 'What',
    h_changes: 'Changes (old → new)', h_reason: 'Reason', h_hash: 'Hash',
    cmd_open: 'Reported (opened)', cmd_submit: 'Submitted', cmd_approve: 'Approved', cmd_return: 'Returned',
    cmd_transfer: 'Transferred', cmd_claim: 'Claimed', cmd_unclaim: 'Unclaimed', cmd_withdraw: 'Withdrew',
    cmd_tick: 'Timer', cmd_timer: 'Timer',
    yes: 'Yes', no: 'No', empty: '(empty)', none: 'none', choose: '— choose —',
    f_required: 'Required', f_text_min: 'At least {n} characters', f_text_max: 'At most {n} characters (has {has})',
    f_number: 'Enter a number', f_integer: 'Enter a whole number', f_min: 'Must be at least {n}', f_max: 'Must be at most {n}',
    f_datetime: 'Enter a date and time like "2025-09-29 09:30"', f_enum: 'Choose from the list',
    f_items_min: 'At least {n} item(s)', f_items_max: 'At most {n} items', f_item: 'Item {i}: {msg}',
    f_datetime_hint: 'Format: 2025-09-29 09:30 (China time)', f_list_hint: 'One item per line',
    f_now: 'Now', f_system: 'Filled in by the system', f_chars: '{n}/{max} characters',
    f_parsed: '= {t}',
    archive_title: 'Archive', register_title: 'Register (Excel)', reg_from: 'From', reg_to: 'To',
    reg_lang: 'Language', reg_download: 'Download the register (XLSX)', reg_done: 'Downloaded {file} ({n} cases).',
    dossiers_title: 'Dossiers (PDF)', dossier_list: 'List cases', dossier_download: 'Download dossier',
    dossier_done: 'Downloaded {file}.',
    verify_title: 'Verify a PDF', verify_intro: 'Upload a record or dossier PDF from the archive: its digital signatures are checked, and its hash is looked up in the case histories.',
    verify_file: 'PDF file', verify_button: 'Verify',
    verify_ok: 'Verified', verify_failed: 'Verification failed',
    verify_failed_which: 'Failed: {which}',
    check_signatures: 'Check 1: digital signatures', check_history: 'Check 2: matches the history',
    check_passed: 'passed', check_failed: 'failed',
    sig_signer: 'Signer', sig_time: 'Signed at', sig_reason: 'Reason',
    sig_byte_range: 'Byte range', sig_digest: 'Digest', sig_value: 'Signature value', sig_chain: 'Certificate chain',
    sig_none: 'The file has no digital signature.', held_by: 'The file\u2019s hash is held by:',
    history_missing: 'No intact case history or export-log entry holds the file\u2019s hash: the file was altered, or this archive did not issue it.',
    problems: 'Problems', sha256: 'SHA-256',
    cases_title: 'Cases', filter_plan: 'Plan', filter_status: 'Status', filter_overdue: 'Overdue work',
    filter_from: 'Reported from', filter_to: 'to', filter_apply: 'Search', any: 'Any', more: 'Next page',
    col_title: 'Title', col_level: 'Level', col_status: 'Status', col_opened: 'Reported',
    users_title: 'Users', u_name: 'User name', u_display: 'Name', u_roles: 'Roles', u_unit: 'Unit',
    u_scope: 'Scope', u_active: 'Active', u_create: 'New user', u_edit: 'Edit', u_save: 'Save', u_password: 'Set password',
    u_new_password: 'New password (10+ characters)', u_created: 'Created {name}.', u_saved: 'Saved.',
    u_password_set: 'Password set for {name}.', scope_unit: 'own unit', scope_all: 'all',
    role_clerk: 'Clerk', role_supervisor: 'Supervisor', role_inspector: 'Inspector', role_archivist: 'Archivist',
    role_admin: 'Administrator',
    defs_title: 'Plans (definitions)', def_id: 'Id', def_version: 'Version', def_hash: 'Content hash',
    def_deployed: 'Deployed', def_by: 'By', def_deploy_all: 'Deploy every plan from the data folder',
    def_deploy_ids: 'Deploy these plans (ids, comma-separated)', def_deploy: 'Deploy',
    def_deployed_msg: 'Deployed: {list}', def_new: 'new version {v}', def_same: 'unchanged (version {v})',
    cal_title: 'Working-day calendar', cal_year: 'Year', cal_source: 'Source', cal_holidays: 'Holidays',
    cal_adjusted: 'Adjusted working days', cal_add: 'Add a year (JSON document)', cal_added: 'Added {year}.',
    audit_title: 'Audit', audit_run: 'Verify every case history', audit_ok: 'Verified: {cases} cases, {events} events.',
    audit_bad: '{n} problem(s) found:',
    page_not_found: 'No such page.',
  },
};

let lang = (() => {
  try {
    const saved = localStorage.getItem(STORE_KEY);
    return saved === 'en' || saved === 'zh' ? saved : 'zh';
  } catch {
    return 'zh';
  }
})();

export function getLang() {
  return lang;
}

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'zh';
  try {
    localStorage.setItem(STORE_KEY, lang);
  } catch {
    /* private mode: the choice lasts this page only */
  }
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

export function t(key, vars = {}) {
  const s = S[lang][key] ?? S.zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? `{${k}}` : String(vars[k])));
}

// {zh, en} (or a plain string) → the text in the current language, Chinese as fallback.
export function label(obj) {
  if (obj === null || obj === undefined) return '';
  if (typeof obj === 'string') return obj;
  return (lang === 'en' && obj.en) || obj.zh || obj.en || '';
}

export function dt(iso) {
  return formatDateTime(iso, lang);
}

// "1小时05分" / "1h 5m": a duration for countdowns and lateness.
export function duration(ms) {
  let s = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const hh = Math.floor(s / 3600);
  s -= hh * 3600;
  const mm = Math.floor(s / 60);
  const ss = s - mm * 60;
  const parts = [];
  if (d) parts.push(t('dur_d', { n: d }));
  if (hh || d) parts.push(t('dur_h', { n: hh }));
  if (!d) parts.push(t('dur_m', { n: mm }));
  if (!d && !hh) parts.push(t('dur_s', { n: ss }));
  return parts.join(lang === 'en' ? ' ' : '');
}

export function roleName(role) {
  const k = `role_${role}`;
  const s = t(k);
  return s === k ? role : s;
}

// The server's form-validation messages ("is required (事件名称)", "must be at most 100
// characters (has 120)", "[2]: expected a number, found string") in the current language;
// anything else is shown as sent.
export function serverText(msg) {
  if (!msg) return msg;
  // A plan's own message comes in both languages: "中文 / English".
  const both = msg.match(/^(.*[\u4e00-\u9fff].*?) \/ ([^\u4e00-\u9fff]+)$/);
  if (both) return lang === 'en' ? both[2] : both[1];
  if (lang === 'en') return msg;
  return msg
    .split('; ')
    .map((one) => {
      let m;
      const item = one.match(/^\[(\d+)\]: (.*)$/);
      if (item) return t('f_item', { i: +item[1] + 1, msg: serverText(item[2]) });
      if (/^is required/.test(one)) return t('f_required');
      if ((m = one.match(/^must be at most (\d+) characters \(has (\d+)\)/))) return t('f_text_max', { n: m[1], has: m[2] });
      if ((m = one.match(/^must be at least (\d+) characters/))) return t('f_text_min', { n: m[1] });
      if ((m = one.match(/^must be at least (\S+)$/))) return t('f_min', { n: m[1] });
      if ((m = one.match(/^must be at most (\S+)$/))) return t('f_max', { n: m[1] });
      if (/^expected a whole number/.test(one)) return t('f_integer');
      if (/^expected a number/.test(one)) return t('f_number');
      if ((m = one.match(/^needs at least (\d+) item/))) return t('f_items_min', { n: m[1] });
      if ((m = one.match(/^allows at most (\d+) items/))) return t('f_items_max', { n: m[1] });
      if (/is not allowed \(expected one of/.test(one)) return t('f_enum');
      return one;
    })
    .join('；');
}

setLang(lang);
