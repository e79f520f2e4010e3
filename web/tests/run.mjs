// Browser tests of the erflow web UI: one network-security incident played by the people
// who handle it, in real headless Chromium against `erflow serve` on loopback.
//
//   node run.mjs --erflow BUILD/erflow --source REPO --work DIR --modules DIR/node_modules
//
// Day 1 (server clock 2025-09-29 09:20): a clerk reports the incident with the keyboard
// only (a field error, fixed without retyping the rest); the command office claims and
// assesses it; the commander confirms the level (the server's 422 names the missing
// reason beside its field) and approves the activation, each time with the record in view
// before signing. Day 2 (server restarted at 2025-09-30 09:30): yesterday's daily report
// is overdue (red) and escalated (on top of the supervisor's queue); it is filed through a
// 409 conflict without losing what was typed; the end of the response is approved; the
// result report is filed and its filing number shown; the archivist downloads the register
// and a dossier and verifies the dossier (passes) and a tampered copy (fails, and says which
// check). Screenshots of the key pages go to DIR/screenshots (paths printed).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { World, ApiUser } from './lib/world.mjs';
import { Browsers } from './lib/browser.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
for (const k of ['erflow', 'source', 'work', 'modules'])
  if (!args[k]) {
    console.error(`usage: node run.mjs --erflow BIN --source REPO --work DIR --modules NODE_MODULES (missing --${k})`);
    process.exit(2);
  }

const PASSWORD = 'erflow-browser-test';
const DAY1 = '2025-09-29T09:20:00+08:00';
const DAY2 = '2025-09-30T09:30:00+08:00';
const USERS = [
  { name: 'lu.ming', display: '陆明', roles: ['clerk'], unit: 'city-approval-center', key: true },
  { name: 'sun.li', display: '孙丽', roles: ['clerk'], unit: 'city-command-office', key: true },
  { name: 'li.guohua', display: '李国华', roles: ['supervisor'], unit: 'city-command', key: true },
  { name: 'deng.ping', display: '邓平', roles: ['supervisor'], unit: 'city-approval-center', key: true },
  { name: 'zhou.hang', display: '周航', roles: ['supervisor'], unit: 'city-command-office', key: true },
  { name: 'qian.hong', display: '钱红', roles: ['inspector'], unit: 'discipline-office' },
  { name: 'chen.jing', display: '陈静', roles: ['archivist'], unit: 'archives', scope: 'all', key: true },
  { name: 'wu.admin', display: '吴敏', roles: ['admin'], unit: 'it-office', scope: 'all' },
];

const work = path.resolve(args.work);
const world = new World({ erflow: path.resolve(args.erflow), source: path.resolve(args.source), work: path.join(work, 'world') });
let browsers = null;
let caseId = 0;
const started = Date.now();

function step(text) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);
}

// Fills the focused form field by field with the keyboard only: each entry is typed text,
// {down: n} (arrow keys in a select), {space: true} (tick a checkbox) or {skip: true};
// Tab moves on. The order is the form's tab order.
async function keyboardFill(page, entries) {
  for (const e of entries) {
    if (typeof e === 'string') await page.keyboard.type(e);
    else if (e.down) for (let i = 0; i < e.down; ++i) await page.keyboard.press('ArrowDown');
    else if (e.space) await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
  }
}

const field = (scope, id) => scope.locator(`.field[data-field="${id}"]`);
const input = (scope, id) => field(scope, id).locator('input:not([type=checkbox]), select, textarea').first();

async function setForm(scope, values) {
  for (const [id, v] of Object.entries(values)) {
    const f = field(scope, id);
    const type = await f.getAttribute('data-type');
    if (Array.isArray(v) && (await f.locator('input[type=checkbox]').count())) {
      for (const x of v) await f.locator(`input[type=checkbox][value="${x}"]`).check();
    } else if (Array.isArray(v)) {
      await input(scope, id).fill(v.join('\n'));
    } else if (type === 'enum' || type === 'boolean') {
      await input(scope, id).selectOption(String(v));
    } else {
      await input(scope, id).fill(String(v));
    }
  }
}

async function waitBanner(page, pattern) {
  const banner = page.locator('#banner');
  await banner.filter({ hasText: pattern }).waitFor({ timeout: 20000 });
  return banner.textContent();
}

// A fresh browser profile signed in as `user`.
async function signedIn(profile, user) {
  const page = await browsers.open(profile);
  await browsers.signIn(page, user, PASSWORD);
  return page;
}

// Opens the submit form of task `node` on the case page; returns its panel.
async function submitForm(page, node) {
  await page.locator(`li.task[data-node="${node}"] button[data-action="submit"]`).click();
  return page.locator(`.form-panel[data-node="${node}"]`);
}

async function openCase(page, id, task) {
  await page.goto(`${world.url}/#/cases/${id}${task ? `?task=${task}` : ''}`);
  await page.locator('#stages-h').waitFor();
}

// The approval dialog: waits for the record preview (a PDF answered by the server), ticks
// the acknowledgement and signs. Returns the dialog locator.
async function approveWithPreview(page, taskNode, fill, shotName) {
  await page.locator(`li.task[data-node="${taskNode}"] button[data-action="approve"]`).click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  if (fill) await setForm(dialog, fill);
  const frame = dialog.locator('iframe.record-frame');
  await previewReady(dialog);
  const src = await frame.getAttribute('src');
  assert.ok(src && src.startsWith('blob:'), 'the record preview is loaded into the dialog');
  const base64 = await page.evaluate(async (u) => {
    const b = new Uint8Array(await (await fetch(u)).arrayBuffer());
    let s = '';
    for (const c of b) s += String.fromCharCode(c);
    return btoa(s);
  }, src);
  const pdf = Buffer.from(base64, 'base64');
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'the preview is a PDF');
  // What the supervisor reads is what she signs: the preview holds the opinion being typed.
  const file = path.join(work, 'previews', `${taskNode}.pdf`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (fill && fill.opinion)
    assert.ok(text.replace(/\s+/g, '').includes(fill.opinion.replace(/\s+/g, '')),
      `the preview ${file} shows the opinion being typed`);
  await page.waitForTimeout(500); // let the PDF viewer draw for the screenshot
  if (shotName) {
    await browsers.shot(page, shotName);
    // Headless Chromium has no PDF viewer (the frame stays dark): the preview's first
    // page is rendered beside the screenshot, as a desktop browser would show it.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file,
      path.join(browsers.shots, `${String(browsers.shotCount).padStart(2, '0')}-${shotName}-pdf`)]);
  }
  return dialog;
}

// The record preview drawn for what the form holds now (a change makes it stale at once).
async function previewReady(dialog) {
  await dialog.locator('section.preview[data-state="ready"]').waitFor({ timeout: 20000 });
}

async function main() {
  fs.mkdirSync(work, { recursive: true });
  step(`preparing ${world.db} with the CLI`);
  world.prepare(USERS, PASSWORD);
  await world.start(DAY1);
  step(`erflow serve at ${world.url} (clock ${DAY1})`);
  browsers = new Browsers({ modules: args.modules, work, base: world.url });

  // ---- 1. A clerk reports the incident, keyboard only -------------------------------
  step('clerk lu.ming reports an incident (keyboard only)');
  let page = await signedIn('lu.ming', 'lu.ming');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN', 'Chinese first');
  await page.locator('nav a[href="#/new"]').click();
  const select = page.locator('#plan-select');
  await select.waitFor();
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
  await select.focus();
  for (let i = 0; i < options.indexOf('network-security'); ++i) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('#new-case-form').waitFor();
  // The form takes the focus on its first field (the title); Tab walks the fields in order.
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'title');
  await keyboardFill(page, [
    '市政务服务平台遭勒索病毒攻击', // title
    '2025-09-29 09:18', // reported_at
    '潞城市行政审批服务中心', // unit_name
    '陆明', // reporter
    '0355-6012345', // phone
    '潞城市府前街1号', // address
    { skip: true }, // fax
    { skip: true }, // email
    { down: 1 }, // info_source: monitoring
    '潞城市政务服务平台', // system_name
    '全市政务服务事项网上受理与审批', // system_purpose
    '信息科', // responsible_department
    '高峰', // responsible_person
    '2025-09-29 09:05', // discovered_at
    { skip: true }, // occurred_at
    '市行政审批服务中心机房', // place
    { down: 1 }, // category: harmful_program
    '监测发现3台应用服务器文件被加密，出现勒索信，平台无法受理业务。', // description
    { down: 2 }, // happened_before: no
    { skip: true }, // previous_occurrences
    '疑为弱口令远程桌面被利用。', // preliminary_cause
    '已断开受感染服务器网络连接，启用纸质受理。', // measures_taken
    '约30', // loss_wan — not a number: the field error below
    '全市政务服务网上受理业务', // scope
    '网上办事中断', // consequences
    '较重', // severity
    '内网其他主机存在感染风险', // trend
    '0355-6012000', // duty_phone
  ]);
  await page.keyboard.press('Enter'); // on the last field: Enter submits
  const lossError = field(page, 'loss_wan').locator('.field-error');
  await lossError.waitFor();
  assert.match(await lossError.textContent(), /数字/, 'the error is next to the field, in Chinese');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'loss_wan', 'focus goes to the field in error');
  assert.equal(await input(page, 'title').inputValue(), '市政务服务平台遭勒索病毒攻击', 'nothing typed is lost');
  assert.equal(await input(page, 'description').inputValue(), '监测发现3台应用服务器文件被加密，出现勒索信，平台无法受理业务。');
  assert.equal(await input(page, 'category').inputValue(), 'harmful_program');
  await browsers.shot(page, 'report-form-field-error', { fullPage: true });
  // Fix the one field (keyboard: select all, type) and press Enter.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  const reported = await waitBanner(page, /已报告/);
  caseId = Number(reported.match(/(\d+)/)[1]);
  await page.locator('#stages-h').waitFor();
  assert.match(await page.locator('h1').textContent(), /市政务服务平台遭勒索病毒攻击/);
  assert.equal(await page.locator('.stage.st-done').count(), 1, 'reporting done');
  assert.equal(await page.locator('tr[data-key="initial-report"] .badge').textContent(), '按时');
  await page.locator('ul.records li').first().waitFor();
  await browsers.shot(page, 'case-after-report');
  step(`case ${caseId} opened`);

  // ---- 2. The command office claims the assessment and submits it --------------------
  step('clerk sun.li claims and submits the assessment');
  page = await signedIn('sun.li', 'sun.li');
  const poolRow = page.locator(`.queue-group.pool tr[data-key^="${caseId}/"]`);
  await poolRow.waitFor();
  await browsers.shot(page, 'queue-pool');
  await poolRow.locator('button').click();
  const mineRow = page.locator(`.queue-group.mine tr[data-key^="${caseId}/"]`);
  await mineRow.waitFor();
  await mineRow.locator('a.button').click();
  const panel = page.locator('.form-panel[data-node="assess"]');
  await panel.waitFor();
  await setForm(panel, {
    nature: 'genuine', details: '3台应用服务器被加密，同网段主机待排查。', category: 'harmful_program',
    outage_minutes: 45, people_affected: 3000, loss_wan: 1500, threat: 'threat',
  });
  await panel.locator('button[type=submit]').click();
  await waitBanner(page, /已提交/);

  // ---- 3. The commander confirms the level, the record in view -----------------------
  step('supervisor li.guohua confirms the level (record preview, server field error)');
  page = await signedIn('li.guohua', 'li.guohua');
  const approvalRow = page.locator(`.queue-group.approvals tr[data-key^="${caseId}/"]`);
  await approvalRow.waitFor();
  await approvalRow.locator('a.button').click();
  await page.locator('#stages-h').waitFor();
  assert.match(await page.locator('dl.summary').textContent(), /系统建议级别\s*III/);
  // IV differs from the proposed III: the plan wants a reason, which only the server checks.
  let dialog = await approveWithPreview(page, 'assess', { level: 'IV' });
  await dialog.locator('label.ack input').check();
  await dialog.locator('button[type=submit]').click();
  const reasonError = field(dialog, 'level_reason').locator('.field-error');
  await reasonError.waitFor();
  assert.match(await reasonError.textContent(), /理由/, "the server's 422 names level_reason");
  assert.equal(await input(dialog, 'level').inputValue(), 'IV', 'the chosen level is kept');
  await browsers.shot(page, 'confirm-level-server-error');
  await input(dialog, 'level_reason').fill('影响限于本单位业务系统，已隔离，按Ⅳ级处置。');
  // A change unticks the acknowledgement and redraws the record: sign what was seen.
  assert.equal(await dialog.locator('label.ack input').isChecked(), false);
  await previewReady(dialog);
  await dialog.locator('label.ack input').check();
  await browsers.shot(page, 'confirm-level-record-preview');
  await dialog.locator('button[type=submit]').click();
  await waitBanner(page, /已批准并签署/);
  await page.locator('dialog[open]').waitFor({ state: 'detached' });

  // ---- 4. Activation: submitted by the office, approved by the commander -------------
  step('sun.li submits the activation; li.guohua approves it with the record in view');
  const office = await signedIn('sun.li-2', 'sun.li');
  await openCase(office, caseId);
  const act = await submitForm(office, 'activate');
  await setForm(act, {
    measures: '技术支撑队伍赶赴现场，全网排查，启用备份系统。', commander: '李国华', onsite_command: 'false',
    groups: ['coordination', 'technical'], support_units: ['市公安局网安大队'],
  });
  await act.locator('button[type=submit]').click();
  await waitBanner(office, /已提交/);
  await openCase(page, caseId);
  dialog = await approveWithPreview(page, 'activate', { opinion: '同意启动Ⅳ级响应。' }, 'approve-activation-record-preview');
  await dialog.locator('label.ack input').check();
  await dialog.locator('button[type=submit]').click();
  await waitBanner(page, /已批准并签署/);
  await page.locator('.stage.st-done').nth(2).waitFor();
  assert.equal(await page.locator('.stage.st-done').count(), 3, 'reporting, assessment, activation done');

  // The handling tasks, through the API (not what this test is about).
  step('handling tasks through the API');
  const lu = await new ApiUser(world, 'lu.ming', PASSWORD).signIn();
  await lu.act(caseId, 'contain', 'submit', { form: { measures: '隔离受感染网段。', finished_at: '2025-09-29T09:15:00+08:00', result: '未再扩散。' } });
  await lu.act(caseId, 'eradicate', 'submit', { form: { measures: '重装受感染主机。', finished_at: '2025-09-29T09:18:00+08:00', result: '隐患已清除。' } });
  await lu.act(caseId, 'recover', 'submit', { form: { measures: '从备份恢复。', finished_at: '2025-09-29T09:19:00+08:00', result: '已恢复。' } });
  const deng = await new ApiUser(world, 'deng.ping', PASSWORD).signIn();
  await deng.act(caseId, 'recover', 'approve', { form: { opinion: '已恢复。' } });
  await browsers.closeAll();

  // ---- Day 2: yesterday's daily report was missed ------------------------------------
  browsers.base = await world.start(DAY2);
  step(`server restarted at ${DAY2} on ${world.url}`);
  page = await signedIn('sun.li-day2', 'sun.li');
  const overdueRow = page.locator(`tr.overdue[data-key^="${caseId}/"]`).first();
  await overdueRow.waitFor();
  assert.match(await overdueRow.textContent(), /已超时/, 'overdue is said in words as well as in red');
  const colour = await overdueRow.locator('.countdown').evaluate((el) => getComputedStyle(el).color);
  assert.equal(colour, 'rgb(179, 38, 30)', 'the overdue countdown is red');
  await browsers.shot(page, 'queue-overdue-red');

  const boss = await signedIn('zhou.hang', 'zhou.hang');
  const firstGroup = boss.locator('section.queue-group').first();
  await firstGroup.waitFor();
  assert.equal(await firstGroup.getAttribute('class'), 'queue-group escalations', 'escalations on top');
  await browsers.shot(boss, 'queue-escalation-on-top');

  // ---- 5. The daily report, through a 409 conflict ----------------------------------
  step('sun.li files the daily report; a conflict on the way keeps what was typed');
  await overdueRow.locator('a.button').click();
  const daily = page.locator('.form-panel[data-node="daily-report"]');
  await daily.waitFor();
  await setForm(daily, {
    as_of: '2025-09-29 16:30', situation: '病毒已控制，数据恢复进行中。',
    measures_today: '隔离、查杀、取证。', next_steps: '从备份恢复数据库。',
  });
  // Meanwhile someone else acts on the case: the version the form was opened on is stale.
  await lu.signIn();
  await lu.act(caseId, 'evidence', 'submit', { form: {
    evidence_items: ['防火墙日志'], preserved_at: '2025-09-30T09:00:00+08:00', custodian: '市公安局网安大队', criminal_suspected: false,
  } });
  await daily.locator('button[type=submit]').click();
  const conflict = daily.locator('.form-error');
  await conflict.filter({ hasText: /已被他人更新/ }).waitFor();
  assert.equal(await input(daily, 'situation').inputValue(), '病毒已控制，数据恢复进行中。', 'kept after the 409');
  await browsers.shot(page, 'daily-report-conflict-kept');
  await daily.locator('button[type=submit]', { hasText: '按最新版本重新提交' }).click();
  await waitBanner(page, /已提交/);
  const lateBadge = page.locator('tr[data-key="daily-report@2025-09-29"] .badge');
  await lateBadge.waitFor();
  assert.equal(await lateBadge.textContent(), '逾期完成');

  // ---- 6. End of the response --------------------------------------------------------
  step('end of the response: submitted by the office, approved by whoever activated');
  const end = await submitForm(page, 'end-response');
  await setForm(end, {
    handling_completed_at: '2025-09-30 09:00', hazards_eliminated: 'true',
    conditions: '病毒清除，系统恢复，符合应急结束条件。', notify: ['市政府', '各成员单位'],
  });
  await end.locator('button[type=submit]').click();
  await waitBanner(page, /已提交/);
  const cmd = await signedIn('li.guohua-day2', 'li.guohua');
  await openCase(cmd, caseId);
  dialog = await approveWithPreview(cmd, 'end-response', { opinion: '同意结束应急响应。' });
  await dialog.locator('label.ack input').check();
  await dialog.locator('button[type=submit]').click();
  await waitBanner(cmd, /已批准并签署/);

  // ---- 7. The result report, filed with its number ------------------------------------
  step('lu.ming submits the result report; zhou.hang files it');
  const clerk = await signedIn('lu.ming-day2', 'lu.ming');
  await openCase(clerk, caseId);
  const rr = await submitForm(clerk, 'result-report');
  assert.match(await field(rr, 'filing_number').textContent(), /由系统填写/, 'system field read-only');
  await setForm(rr, {
    original_reported_at: '2025-09-29 09:18', unit_name: '潞城市行政审批服务中心', contact_person: '陆明',
    phone: '0355-6012345', system_name: '潞城市政务服务平台', system_purpose: '全市政务服务事项网上受理与审批',
    security_measures: '边界防火墙、主机防病毒软件、每日全量备份。', supplementary_description: '共3台主机感染，未发生数据外泄。',
    final_cause: '远程桌面弱口令被暴力破解。', consequences: '网上受理中断约1天。', scope: '全市政务服务网上受理业务',
    severity: 'Ⅳ级（一般）', handling_process: '隔离、查杀、取证、恢复。', recommendations: '关闭暴露的远程管理端口，启用双因素认证。',
    reporter_signature: '陆明',
  });
  await rr.locator('button[type=submit]').click();
  await waitBanner(clerk, /已提交/);
  await openCase(boss, caseId);
  dialog = await approveWithPreview(boss, 'result-report', { opinion: '材料齐全，予以备案。' }, 'file-result-report-record-preview');
  await dialog.locator('label.ack input').check();
  await dialog.locator('button[type=submit]').click();
  const filed = await waitBanner(boss, /备案编号/);
  assert.match(filed, /备案编号：2025年09月30日第1号 总第1号/);
  await boss.locator('.filing-number').waitFor();
  assert.equal(await boss.locator('.filing-number').textContent(), '2025年09月30日第1号 总第1号');
  await browsers.shot(boss, 'case-filed-with-number');
  await browsers.shot(boss, 'case-filed-full', { fullPage: true });

  // ---- 8. The archivist: register, dossier, verification -------------------------------
  step('archivist chen.jing: register, dossier, verify (genuine and tampered)');
  const arch = await signedIn('chen.jing', 'chen.jing');
  await arch.locator('nav a[href="#/archive"]').click();
  await arch.locator('#reg-from').fill('2025-09-01');
  await arch.locator('#reg-to').fill('2025-09-30');
  let download = arch.waitForEvent('download');
  await arch.locator('#reg-download').click();
  const register = path.join(browsers.downloads, (await download).suggestedFilename());
  await (await download).saveAs(register);
  assert.equal(fs.readFileSync(register).subarray(0, 2).toString('latin1'), 'PK', 'the register is an XLSX (zip)');
  console.log(`  register: ${register}`);
  const dossierButton = arch.locator(`button[data-dossier="${caseId}"]`);
  await dossierButton.waitFor();
  download = arch.waitForEvent('download');
  await dossierButton.click();
  const dossier = path.join(browsers.downloads, (await download).suggestedFilename());
  await (await download).saveAs(dossier);
  const pdf = fs.readFileSync(dossier);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  console.log(`  dossier: ${dossier}`);
  await browsers.shot(arch, 'archive-register-dossiers');

  await arch.locator('#verify-file').setInputFiles(dossier);
  await arch.locator('#verify-button').click();
  const verdict = arch.locator('#verify-result .verdict');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-ok'), 'true', 'the dossier verifies');
  assert.equal(await arch.locator('#verify-result .check[data-check="signatures"]').getAttribute('data-ok'), 'true');
  assert.equal(await arch.locator('#verify-result .check[data-check="history"]').getAttribute('data-ok'), 'true');
  await browsers.shot(arch, 'verify-dossier-passes');

  // Tampered: the creation date moved by a day — one digit, same length, so the file
  // still parses and only the checks can tell.
  const tampered = Buffer.from(pdf);
  const at = tampered.indexOf(Buffer.from('/CreationDate(D:'));
  assert.ok(at > 0, 'the dossier has a creation date');
  const day = at + '/CreationDate(D:'.length + 7; // D:YYYYMMDD…: the day's last digit
  tampered[day] = tampered[day] === 0x31 ? 0x32 : 0x31;
  const tamperedFile = path.join(browsers.downloads, 'tampered-dossier.pdf');
  fs.writeFileSync(tamperedFile, tampered);
  await arch.locator('#verify-file').setInputFiles(tamperedFile);
  await arch.locator('#verify-button').click();
  await arch.locator('#verify-result .verdict[data-ok="false"]').waitFor();
  assert.equal(await arch.locator('#verify-result .check[data-check="history"]').getAttribute('data-ok'), 'false', 'history check fails');
  assert.equal(await arch.locator('#verify-result .check[data-check="signatures"]').getAttribute('data-ok'), 'false', 'signature check fails');
  assert.match(await arch.locator('#verify-result .verdict').textContent(), /未通过的检查/);
  await browsers.shot(arch, 'verify-tampered-fails');

  // English on request, remembered across a reload.
  await arch.locator('#lang-switch').click();
  await arch.reload();
  await arch.locator('#topbar nav a').first().waitFor();
  assert.equal(await arch.locator('html').getAttribute('lang'), 'en');
  assert.equal(await arch.locator('h1').first().textContent(), 'Archive');
  await openCase(arch, caseId);
  assert.match(await arch.locator('dl.summary').textContent(), /2025-09-29 09:20/, 'English dates');
  await browsers.shot(arch, 'case-in-english');

  // The administrator's pages answer.
  const admin = await signedIn('wu.admin', 'wu.admin');
  await admin.locator('nav a[href="#/admin/users"]').click();
  await admin.locator('tr[data-user="lu.ming"]').waitFor();
  await browsers.shot(admin, 'admin-users');

  assert.deepEqual(browsers.errors, [], 'no script errors in any page');
}

try {
  await main();
  step('all browser scenes passed');
  console.log(`screenshots in ${path.join(work, 'screenshots')}`);
} catch (e) {
  console.error(`FAILED: ${e.stack || e}`);
  if (browsers) {
    for (const [i, c] of browsers.contexts.entries())
      for (const p of c.pages())
        await p.screenshot({ path: path.join(work, 'screenshots', `FAILED-${i}.png`), fullPage: true }).catch(() => {});
    if (browsers.errors.length) console.error(`page errors:\n${browsers.errors.join('\n')}`);
    console.error(`failure screenshots in ${path.join(work, 'screenshots')}`);
  }
  console.error(`server log (tail):\n${world.serverLogTail()}`);
  process.exitCode = 1;
} finally {
  if (browsers) await browsers.closeAll();
  await world.stop();
}
