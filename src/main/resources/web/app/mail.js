// Mail on the pages, shown only when the service sends mail (the page shell says so): the
// optional address fields, "lost your link?", the /recover page that redeems a code, the
// /stop page of a mail's footer, and "stop mail" for one's own address on a poll.
import { call, problemText } from './api.js';
import { t } from './i18n.js';
import { field, h, replace, status } from './dom.js';
import { saveAdminToken, saveMyAnswer } from './store.js';

/** Whether this service sends mail: the page shell's {@code <meta name="slotpoll-mail">}. */
export function mailOn() {
  return document.querySelector('meta[name="slotpoll-mail"]')?.content === 'on';
}

/** An optional address input with the one sentence on what it is used for; null while mail is off. */
export function addressField(label, purpose, value = '') {
  if (!mailOn()) return null;
  const input = h('input', { type: 'email', maxlength: 254, autocomplete: 'email', value: value || '' });
  return { input, element: field(label, input, purpose) };
}

const problem = problemText;

/** "Lost your link?": an address, and one mail with links for every poll it belongs to. */
export function lostLinkForm() {
  if (!mailOn()) return null;
  const address = h('input', { type: 'email', maxlength: 254, autocomplete: 'email', required: true });
  const note = status('hint');
  async function send(e) {
    e.preventDefault();
    note.textContent = t('mail.sending');
    try {
      await call('POST', '/api/v1/link-recovery', { body: { email: address.value.trim() } });
      note.textContent = t('mail.sent');
    } catch (error) {
      note.textContent = t('mail.notSent', { problem: problem(error) });
    }
  }
  return h('details', { className: 'lost-link' }, h('summary', {}, t('mail.lost')),
    h('form', { onsubmit: send, novalidate: true },
      field(t('mail.address'), address), h('button', { type: 'submit' }, t('mail.send')), note));
}

/** "/recover#code=...": redeems the code once, keeps the new tokens in this browser, links each poll. */
export async function renderRecover(main) {
  document.title = t('app.titleSuffix', { title: t('mail.yourPolls') });
  const code = new URLSearchParams(location.hash.slice(1)).get('code');
  history.replaceState(null, '', location.pathname);
  if (!code) {
    replace(main, h('h1', {}, t('mail.recover')), h('p', {}, t('mail.recoverHint')),
      lostLinkForm());
    return;
  }
  replace(main, h('h1', {}, t('mail.yourPolls')), h('p', { className: 'loading' }, t('mail.opening')));
  try {
    const found = (await call('POST', '/api/v1/link-recovery/redeem', { body: { code } })).body.events;
    const items = found.map((e) => {
      if (e.role === 'admin') saveAdminToken(e.id, e.token);
      else saveMyAnswer(e.id, e.participantId, e.token);
      const href = e.role === 'admin' ? `/e/${e.id}/manage` : `/e/${e.id}`;
      return h('li', {}, h('a', { href }, e.title), ' ', e.role === 'admin' ? t('mail.organise') : t('mail.answered'));
    });
    replace(main, h('h1', {}, t('mail.yourPolls')),
      items.length ? h('p', {}, t('mail.recovered')) : h('p', {}, t('mail.gone')),
      h('ul', { className: 'recovered' }, items));
  } catch (error) {
    replace(main, h('h1', {}, t('mail.expired')),
      h('p', {}, error.status === 410 ? t('mail.expiredHint') : problem(error)),
      lostLinkForm());
  }
}

/** "/stop#{token}": the footer link of every mail about a poll; one button stops that poll's mail. */
export function renderStop(main) {
  document.title = t('app.titleSuffix', { title: t('mail.stopTitle') });
  const token = location.hash.slice(1);
  const note = status('status');
  async function stop() {
    note.textContent = t('mail.stopping');
    try {
      await call('POST', `/api/v1/mail-stop/${encodeURIComponent(token)}`,
        { raw: 'List-Unsubscribe=One-Click', rawType: 'application/x-www-form-urlencoded' });
      replace(main, h('h1', {}, t('mail.stopped')), h('p', {}, t('mail.stoppedHint')));
    } catch (error) {
      note.textContent = error.status === 404 ? t('mail.stopGone') : t('mail.notStopped', { problem: problem(error) });
    }
  }
  replace(main, h('h1', {}, t('mail.stopHeading')),
    h('p', {}, t('mail.stopHint')),
    h('button', { type: 'button', className: 'primary', onclick: stop, disabled: !token }, t('mail.stopHeading')), note);
}

/**
 * One's own address on a poll, with a way to change it or stop mail: the organiser's
 * ({@code organizerEmail}, admin token) or a participant's ({@code email}, edit token).
 */
export function ownAddress({ path, token, fieldName, purpose }) {
  if (!mailOn() || !token) return null;
  const input = h('input', { type: 'email', maxlength: 254, autocomplete: 'email' });
  const note = status('hint');
  // the address is in the reader's own view only: read it with the token
  call('GET', path, { token }).then((own) => {
    if (!input.value) input.value = own.body[fieldName] || '';
  }, () => {});
  const save = (value) => async () => {
    note.textContent = t('answer.saving');
    try {
      const answer = (await call('PATCH', path, { token, body: { [fieldName]: value === '' ? null : value } })).body;
      input.value = answer[fieldName] || '';
      note.textContent = answer[fieldName] ? t('mail.goesTo', { address: answer[fieldName] }) : t('mail.none');
    } catch (error) {
      note.textContent = t('mail.notSaved', { problem: problem(error) });
    }
  };
  return h('details', { className: 'own-address' }, h('summary', {}, t('mail.about')),
    field(t('mail.yourAddress'), input, purpose),
    h('button', { type: 'button', onclick: () => save(input.value.trim())() }, t('mail.saveAddress')), ' ',
    h('button', { type: 'button', className: 'link', onclick: save('') }, t('mail.stopFor')), note);
}
