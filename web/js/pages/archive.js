// The archive: the Excel register of a date range, the dossier PDF of each case in it,
// and verification of an uploaded PDF — its signatures and whether the case history (or
// the export log) holds its hash — with each check's result shown on its own.

import { get, api, query, fileNameOf } from '../api.js';
import { h, clear, saveBlob } from '../dom.js';
import { t, dt } from '../i18n.js';
import { chinaDay, serverNowMs } from '../time.js';
import { levelBadge } from './case_sections.js';

export async function renderArchive(ctx) {
  const { main, hasRole } = ctx;
  const canExport = hasRole('archivist') || hasRole('supervisor') || hasRole('admin');
  main.append(h('div.page-head', h('h1', t('archive_title'))));

  if (canExport) {
    const today = chinaDay(serverNowMs());
    const from = h('input#reg-from', { type: 'date', required: true, value: `${today.slice(0, 4)}-01-01` });
    const to = h('input#reg-to', { type: 'date', required: true, value: today });
    const lang = h('select#reg-lang', h('option', { value: 'zh' }, '中文'), h('option', { value: 'en' }, 'English'));
    const regStatus = h('p.status', { role: 'status' });
    const regButton = h('button.primary#reg-download', { type: 'submit' }, t('reg_download'));
    const caseList = h('div#dossier-list');
    const listCases = async () => {
      clear(caseList).append(h('p.muted', t('loading')));
      const answer = await get(`/api/v1/cases${query({ from: from.value, to: to.value, limit: 500 })}`);
      clear(caseList);
      const cases = answer.cases || [];
      if (!cases.length) {
        caseList.append(h('p.muted', t('none')));
        return;
      }
      caseList.append(h('table.grid', h('thead', h('tr',
        h('th', { scope: 'col' }, t('col_case')), h('th', { scope: 'col' }, t('col_title')),
        h('th', { scope: 'col' }, t('col_level')), h('th', { scope: 'col' }, t('col_status')),
        h('th', { scope: 'col' }, t('col_opened')), h('th', { scope: 'col' }, t('col_actions')))),
      h('tbody', cases.map((c) => {
        const b = h('button.small', { type: 'button', dataset: { dossier: c.id } }, t('dossier_download'));
        b.addEventListener('click', async () => {
          b.disabled = true;
          try {
            const res = await get(`/api/v1/cases/${c.id}/dossier`, { raw: true });
            const name = fileNameOf(res, `dossier-case-${c.id}.pdf`);
            saveBlob(await res.blob(), name);
            ctx.notify(t('dossier_done', { file: name }));
          } catch (e) {
            ctx.notify(ctx.errorMessage(e), 'error');
          }
          b.disabled = false;
        });
        return h('tr', h('td', h('a', { href: `#/cases/${c.id}` }, `#${c.id}`)), h('td', c.fields?.title || ''),
          h('td', levelBadge(c.fields?.level, c.fields?.warning_colour)), h('td', t(`status_${c.status}`)),
          h('td', dt(c.opened_at)), h('td', b));
      }))));
    };
    const regForm = h('form.card.inline-form', {
      novalidate: true,
      onsubmit: async (ev) => {
        ev.preventDefault();
        regButton.disabled = true;
        regStatus.className = 'status';
        regStatus.textContent = t('loading');
        try {
          const res = await get(`/api/v1/register${query({ from: from.value, to: to.value, lang: lang.value })}`, { raw: true });
          const name = fileNameOf(res, `register-${from.value}-${to.value}.xlsx`);
          saveBlob(await res.blob(), name);
          regStatus.textContent = t('reg_done', { file: name, n: res.headers.get('X-Erflow-Cases') ?? '?' });
          regStatus.classList.add('ok');
          await listCases();
        } catch (e) {
          regStatus.textContent = ctx.errorMessage(e) + fieldsText(e);
          regStatus.classList.add('error-text');
        }
        regButton.disabled = false;
      },
    },
    h('h2', t('register_title')),
    h('div.row',
      h('div.filter', h('label.field-label', { for: 'reg-from' }, t('reg_from')), from),
      h('div.filter', h('label.field-label', { for: 'reg-to' }, t('reg_to')), to),
      h('div.filter', h('label.field-label', { for: 'reg-lang' }, t('reg_lang')), lang),
      h('div.filter', regButton,
        h('button', { type: 'button', onclick: () => listCases().catch((e) => ctx.notify(ctx.errorMessage(e), 'error')) }, t('dossier_list')))),
    regStatus);
    main.append(regForm, h('section.card', { 'aria-labelledby': 'dossiers-h' }, h('h2#dossiers-h', t('dossiers_title')), caseList));
    listCases().catch(() => clear(caseList));
  }

  // Verification, open to every signed-in user.
  const file = h('input#verify-file', { type: 'file', accept: 'application/pdf,.pdf', required: true });
  const result = h('div#verify-result', { 'aria-live': 'polite' });
  const button = h('button.primary#verify-button', { type: 'submit' }, t('verify_button'));
  main.append(h('form.card', {
    novalidate: true,
    onsubmit: async (ev) => {
      ev.preventDefault();
      clear(result);
      const f = file.files?.[0];
      if (!f) {
        result.append(h('p.field-error', { role: 'alert' }, t('f_required')));
        file.focus();
        return;
      }
      button.disabled = true;
      result.append(h('p.muted', t('loading')));
      try {
        const report = await api('POST', '/api/v1/records/verify', { body: f, contentType: 'application/pdf' });
        clear(result).append(verificationView(report, f.name));
      } catch (e) {
        clear(result).append(h('p.error-text', { role: 'alert' }, ctx.errorMessage(e)));
      }
      button.disabled = false;
      result.querySelector('.verdict')?.focus();
    },
  },
  h('h2', t('verify_title')), h('p.muted', t('verify_intro')),
  h('div.row', h('div.filter', h('label.field-label', { for: 'verify-file' }, t('verify_file')), file), h('div.filter', button)),
  result));
  return null;
}

function fieldsText(e) {
  const f = Object.entries(e?.fields || {});
  return f.length ? ` (${f.map(([k, v]) => `${k}: ${v}`).join('; ')})` : '';
}

const mark = (ok) => h('span', { class: ok ? 'pass' : 'fail', 'aria-label': ok ? t('check_passed') : t('check_failed') }, ok ? '✓' : '✗');

// The answer of POST /api/v1/verify, check by check.
export function verificationView(r, fileName) {
  const sig = r.signatures || {};
  const hist = r.history || {};
  const failedNames = (r.failed || []).map((x) => (x === 'signatures' ? t('check_signatures') : t('check_history')));
  const verdict = h('div.verdict', { tabindex: '-1', class: r.ok ? 'ok' : 'bad', role: 'status', dataset: { ok: String(r.ok) } },
    h('span.big', r.ok ? `✓ ${t('verify_ok')}` : `✗ ${t('verify_failed')}`),
    h('span.muted', ` ${fileName}`),
    !r.ok ? h('p', t('verify_failed_which', { which: failedNames.join('、') })) : null);
  const sigRows = (sig.signatures || []).map((s) => h('tr',
    h('td', s.name || s.signer), h('td', dt(s.signing_time)), h('td', s.reason || ''),
    h('td', mark(s.byte_range_ok)), h('td', mark(s.digest_ok)), h('td', mark(s.signature_ok)), h('td', mark(s.chain_ok)),
    h('td', (s.problems || []).join('；'))));
  const check = (name, ok, ...content) => h('section.check', { class: ok ? 'ok' : 'bad', dataset: { check: name, ok: String(ok) } },
    h('h3', mark(ok), ' ', name === 'signatures' ? t('check_signatures') : t('check_history'), '：', ok ? t('check_passed') : t('check_failed')),
    content);
  return h('div.verification', verdict,
    check('signatures', !!sig.ok,
      sigRows.length ? h('table.grid', h('thead', h('tr',
        h('th', t('sig_signer')), h('th', t('sig_time')), h('th', t('sig_reason')),
        h('th', t('sig_byte_range')), h('th', t('sig_digest')), h('th', t('sig_value')), h('th', t('sig_chain')),
        h('th', t('problems')))), h('tbody', sigRows)) : h('p', t('sig_none')),
      (sig.problems || []).length ? h('ul.problems', sig.problems.map((p) => h('li', p))) : null),
    check('history', !!hist.ok,
      hist.ok ? [h('p', t('held_by')), h('ul', (hist.held_by || []).map((x) => h('li', x)))] : h('p', t('history_missing')),
      (hist.problems || []).length ? h('ul.problems', hist.problems.map((p) => h('li', p))) : null),
    h('p.muted', `${t('sha256')}: `, h('code', r.sha256 || '')));
}

