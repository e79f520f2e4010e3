// Modal dialogs on the native <dialog>: the page behind is inert, Tab stays inside, Esc
// cancels, focus goes to the first input and back to the opener on close.

import { h } from './dom.js';
import { t } from './i18n.js';

// openDialog({title, body: Node, wide}) → {dialog, close(), closed: Promise}
export function openDialog({ title, body, wide = false, onClose }) {
  const opener = document.activeElement;
  const titleId = `dlg-title-${Math.random().toString(36).slice(2)}`;
  const closeBtn = h('button.icon-button', { type: 'button', 'aria-label': t('close'), title: t('close') }, '×');
  const dialog = h('dialog.dialog', { 'aria-labelledby': titleId, class: wide ? 'wide' : null },
    h('div.dialog-head', h('h2', { id: titleId }, title), closeBtn),
    h('div.dialog-body', body));
  let resolve;
  const closed = new Promise((r) => (resolve = r));
  const close = () => {
    if (dialog.open) dialog.close();
  };
  closeBtn.addEventListener('click', close);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (onClose) onClose();
    if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
    resolve();
  });
  document.body.append(dialog);
  dialog.showModal();
  const first = dialog.querySelector('.dialog-body input:not([type=hidden]):not([disabled]), .dialog-body textarea, .dialog-body select');
  (first || closeBtn).focus();
  return { dialog, close, closed };
}
