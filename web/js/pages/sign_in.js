// Sign-in page. The server slows down and locks out repeated failures; its message says
// until when, so it is shown as sent.

import { api } from '../api.js';
import { h } from '../dom.js';
import { t, getLang, setLang } from '../i18n.js';

export function renderSignIn(main, onSignedIn) {
  const user = h('input', { id: 'signin-user', name: 'user', autocomplete: 'username', required: true, autofocus: true });
  const pw = h('input', { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const err = h('p.field-error#signin-error', { role: 'alert', hidden: true });
  const button = h('button.primary', { type: 'submit' }, t('sign_in'));
  const form = h('form.signin.card', {
    onsubmit: async (ev) => {
      ev.preventDefault();
      err.hidden = true;
      button.disabled = true;
      button.textContent = t('signing_in');
      try {
        const answer = await api('POST', '/api/v1/session', { body: { user: user.value.trim(), password: pw.value }, noReauth: true });
        onSignedIn(answer);
      } catch (e) {
        err.textContent = e.code === 'network' ? t('error_network') : e.message;
        err.hidden = false;
        button.disabled = false;
        button.textContent = t('sign_in');
        pw.select();
        pw.focus();
      }
    },
  },
  h('h1', t('sign_in_title')),
  h('p.muted', t('sign_in_intro')),
  h('label.field-label', { for: 'signin-user' }, t('user_name')), user,
  h('label.field-label', { for: 'signin-password' }, t('password')), pw,
  err,
  h('div.actions', button,
    h('button.link-button', {
      type: 'button',
      onclick: () => {
        setLang(getLang() === 'zh' ? 'en' : 'zh');
        main.replaceChildren();
        renderSignIn(main, onSignedIn);
      },
    }, t('lang_switch'))));
  main.append(form);
  user.focus();
}
