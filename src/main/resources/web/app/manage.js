// "/e/{id}/manage", the organiser's page: the participant's page, plus the share links, the
// power to pick a time, and the manage part (required people, close, deadline, export, delete).
import { ApiError, call, download, events } from './api.js';
import { field, h, replace, status } from './dom.js';
import { answerPart } from './answer.js';
import { groupSection } from './group.js';
import { openPoll, pollState } from './poll-data.js';
import { finalBanner, heading, zoneBox } from './poll-parts.js';
import { ownAddress } from './mail.js';
import { forget } from './store.js';

export function renderManage(main, id) {
  return openPoll(main, pollState(id, true), (page) => {
    const canManage = Boolean(page.state.admin);
    return new Map([
      ['heading', () => heading(page.state)],
      ['final', () => finalBanner(page.state)],
      ['share', () => (canManage ? shareBox(page.state) : h('p', { className: 'warning', role: 'alert' },
        'This browser does not hold the manage key for this poll. Open the manage link you were given.'))],
      ['zone', () => zoneBox(page, ['heading', 'final', 'answer', 'group', 'manage'])],
      ['answer', () => answerPart(page)],
      ['group', () => groupSection(page)],
      ['manage', () => (canManage ? manageSection(page) : null)],
      ['mail', () => ownAddress({ path: events(id), token: page.state.admin, fieldName: 'organizerEmail',
        purpose: 'We mail you when people answer (as a digest, or each one), and the links if you lose them.' })],
    ]);
  });
}

function shareBox(state) {
  const share = `${location.origin}/e/${state.id}`;
  const manageLink = `${location.origin}/e/${state.id}/manage#admin=${state.admin}`;
  const note = status('hint');
  const copy = (text, what) => async () => {
    try {
      await navigator.clipboard.writeText(text);
      note.textContent = `${what} copied.`;
    } catch {
      note.textContent = `Copy failed: select the ${what.toLowerCase()} and copy it by hand.`;
    }
  };
  const shareInput = h('input', { type: 'text', readonly: true, value: share, className: 'link-box' });
  const manageInput = h('input', { type: 'text', readonly: true, value: manageLink, className: 'link-box' });
  return h('section', { className: 'share', 'aria-labelledby': 'share-h' },
    h('h2', { id: 'share-h' }, 'Share the poll'),
    field('Send this link to participants', shareInput),
    h('button', { type: 'button', onclick: copy(share, 'Share link') }, 'Copy share link'),
    field('Your manage link', manageInput,
      'This link is the key to the poll: whoever has it can change, finalize or delete it. Keep it to yourself.'),
    h('button', { type: 'button', onclick: copy(manageLink, 'Manage link') }, 'Copy manage link'),
    note);
}

function manageSection(page) {
  const { state, main } = page;
  const e = state.event;
  const token = state.admin;
  const message = status('status manage-status');
  const act = (fn) => async () => {
    try {
      await fn();
      await page.refresh();
      main.querySelector('.manage-status').textContent = 'Done.';
    } catch (error) {
      message.textContent = error instanceof ApiError ? [error.message, ...error.fields()].join(' ') : error.message;
    }
  };
  const people = h('table', { className: 'people' }, h('caption', {}, 'Participants'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Time zone'), h('th', { scope: 'col' }, 'Required'))),
    h('tbody', {}, state.participants.map((p) => {
      const box = h('input', { type: 'checkbox', checked: p.required, 'aria-label': `${p.name} is required`,
        disabled: e.status !== 'open' });
      box.addEventListener('change', act(() => call('PATCH', `${events(state.id)}/participants/${p.id}`,
        { token, body: { required: box.checked } })));
      return h('tr', {}, h('th', { scope: 'row' }, p.name), h('td', {}, p.timezone), h('td', {}, box));
    })));
  const deadline = h('input', { type: 'datetime-local', step: 60 });
  const buttons = [];
  if (e.status === 'final') {
    buttons.push(h('button', { type: 'button', onclick: act(() => call('DELETE', `${events(state.id)}/final`, { token })) },
      'Undo the chosen time'));
  } else {
    buttons.push(h('button', { type: 'button', onclick: act(() => call('PATCH', events(state.id),
      { token, body: { status: e.status === 'open' ? 'closed' : 'open' } })) }, e.status === 'open' ? 'Close the poll' : 'Reopen the poll'));
  }
  const exportButton = h('button', { type: 'button', onclick: async () => {
    try {
      const url = URL.createObjectURL(await download(`${events(state.id)}/export.csv`, { token }));
      const a = h('a', { href: url, download: `slotpoll-${state.id}.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (error) {
      message.textContent = `Export failed: ${error.message}`;
    }
  } }, 'Export answers (CSV)');
  const remove = h('button', { type: 'button', className: 'danger', onclick: async () => {
    if (!confirm(`Delete “${e.title}” and every answer? This cannot be undone.`)) return;
    try {
      await call('DELETE', events(state.id), { token });
      forget(state.id);
      replace(main, h('h1', {}, 'Poll deleted'), h('p', {}, h('a', { href: '/' }, 'Create a new poll')));
    } catch (error) {
      message.textContent = `Not deleted: ${error.message}`;
    }
  } }, 'Delete the poll');
  return h('section', { className: 'manage', 'aria-labelledby': 'manage-h' },
    h('h2', { id: 'manage-h' }, 'Manage'),
    people,
    h('div', { className: 'row' }, field(`Answers close at (${e.timezone})`, deadline),
      h('button', { type: 'button', onclick: act(() => call('PATCH', events(state.id),
        { token, body: { deadline: deadline.value || null } })) }, 'Set or clear deadline')),
    h('p', { className: 'actions' }, buttons, exportButton, remove),
    message);
}
