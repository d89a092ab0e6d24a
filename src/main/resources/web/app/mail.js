// Mail on the pages, shown only when the service sends mail (the page shell says so): the
// optional address fields, "lost your link?", the /recover page that redeems a code, the
// /stop page of a mail's footer, and "stop mail" for one's own address on a poll.
import { ApiError, call } from './api.js';
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

const problem = (error) => (error instanceof ApiError ? [error.message, ...error.fields()].join(' ') : error.message);

/** "Lost your link?": an address, and one mail with links for every poll it belongs to. */
export function lostLinkForm() {
  if (!mailOn()) return null;
  const address = h('input', { type: 'email', maxlength: 254, autocomplete: 'email', required: true });
  const note = status('hint');
  async function send(e) {
    e.preventDefault();
    note.textContent = 'Sending…';
    try {
      await call('POST', '/api/v1/link-recovery', { body: { email: address.value.trim() } });
      note.textContent = 'If this address belongs to a poll, a mail with your links is on its way. Its link works once, for 60 minutes.';
    } catch (error) {
      note.textContent = `Not sent: ${problem(error)}`;
    }
  }
  return h('details', { className: 'lost-link' }, h('summary', {}, 'Lost your link?'),
    h('form', { onsubmit: send, novalidate: true },
      field('The address you gave for the poll', address), h('button', { type: 'submit' }, 'Mail me my links'), note));
}

/** "/recover#code=...": redeems the code once, keeps the new tokens in this browser, links each poll. */
export async function renderRecover(main) {
  document.title = 'Your polls · slotpoll';
  const code = new URLSearchParams(location.hash.slice(1)).get('code');
  history.replaceState(null, '', location.pathname);
  if (!code) {
    replace(main, h('h1', {}, 'Recover your links'), h('p', {}, 'This page opens from the link in a recovery mail.'),
      lostLinkForm());
    return;
  }
  replace(main, h('h1', {}, 'Your polls'), h('p', { className: 'loading' }, 'Opening…'));
  try {
    const found = (await call('POST', '/api/v1/link-recovery/redeem', { body: { code } })).body.events;
    const items = found.map((e) => {
      if (e.role === 'admin') saveAdminToken(e.id, e.token);
      else saveMyAnswer(e.id, e.participantId, e.token);
      const href = e.role === 'admin' ? `/e/${e.id}/manage` : `/e/${e.id}`;
      return h('li', {}, h('a', { href }, e.title), e.role === 'admin' ? ' (you organise it)' : ' (your answer)');
    });
    replace(main, h('h1', {}, 'Your polls'),
      items.length ? h('p', {}, 'This browser holds your links again:') : h('p', {}, 'These polls no longer exist.'),
      h('ul', { className: 'recovered' }, items));
  } catch (error) {
    replace(main, h('h1', {}, 'This link has expired'),
      h('p', {}, error.status === 410 ? 'A recovery link works once, for 60 minutes. Ask for a new one:' : problem(error)),
      lostLinkForm());
  }
}

/** "/stop#{token}": the footer link of every mail about a poll; one button stops that poll's mail. */
export function renderStop(main) {
  document.title = 'Stop mail · slotpoll';
  const token = location.hash.slice(1);
  const note = status('status');
  async function stop() {
    note.textContent = 'Stopping…';
    try {
      await call('POST', `/api/v1/mail-stop/${encodeURIComponent(token)}`,
        { raw: 'List-Unsubscribe=One-Click', rawType: 'application/x-www-form-urlencoded' });
      replace(main, h('h1', {}, 'Mail stopped'), h('p', {}, 'This address gets no more mail about this poll.'));
    } catch (error) {
      note.textContent = error.status === 404 ? 'This poll no longer exists, so it sends no mail.' : `Not stopped: ${problem(error)}`;
    }
  }
  replace(main, h('h1', {}, 'Stop mail about this poll'),
    h('p', {}, 'Mail from slotpoll about this one poll stops for the address the mail went to. Other polls are not affected.'),
    h('button', { type: 'button', className: 'primary', onclick: stop, disabled: !token }, 'Stop mail about this poll'), note);
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
    note.textContent = 'Saving…';
    try {
      const answer = (await call('PATCH', path, { token, body: { [fieldName]: value === '' ? null : value } })).body;
      input.value = answer[fieldName] || '';
      note.textContent = answer[fieldName] ? `Mail goes to ${answer[fieldName]}.` : 'No mail about this poll.';
    } catch (error) {
      note.textContent = `Not saved: ${problem(error)}`;
    }
  };
  return h('details', { className: 'own-address' }, h('summary', {}, 'Mail about this poll'),
    field('Your address (optional)', input, purpose),
    h('button', { type: 'button', onclick: () => save(input.value.trim())() }, 'Save address'), ' ',
    h('button', { type: 'button', className: 'link', onclick: save('') }, 'Stop mail for this poll'), note);
}
