// "/e/{id}/manage", the organiser's page: the participant's page, plus the share links, the
// power to pick a time, and the manage part (required people, close, deadline, export, delete).
import { call, download, events, problemText } from './api.js';
import { t } from './i18n.js';
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
        t('manage.noKey')))],
      ['zone', () => zoneBox(page, ['heading', 'final', 'answer', 'group', 'manage'])],
      ['answer', () => answerPart(page)],
      ['group', () => groupSection(page)],
      ['manage', () => (canManage ? manageSection(page) : null)],
      ['mail', () => ownAddress({ path: events(id), token: page.state.admin, fieldName: 'organizerEmail',
        purpose: t('manage.emailPurpose') })],
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
      note.textContent = t(`manage.copied.${what}`);
    } catch {
      note.textContent = t(`manage.copyFailed.${what}`);
    }
  };
  const shareInput = h('input', { type: 'text', readonly: true, value: share, className: 'link-box' });
  const manageInput = h('input', { type: 'text', readonly: true, value: manageLink, className: 'link-box' });
  return h('section', { className: 'share', 'aria-labelledby': 'share-h' },
    h('h2', { id: 'share-h' }, t('manage.share')),
    field(t('manage.shareLink'), shareInput),
    h('button', { type: 'button', onclick: copy(share, 'share') }, t('manage.copyShare')),
    field(t('manage.manageLink'), manageInput, t('manage.manageHint')),
    h('button', { type: 'button', onclick: copy(manageLink, 'manage') }, t('manage.copyManage')),
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
      main.querySelector('.manage-status').textContent = t('manage.done');
    } catch (error) {
      message.textContent = problemText(error);
    }
  };
  const people = h('table', { className: 'people' }, h('caption', {}, t('manage.participants')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('manage.name')), h('th', { scope: 'col' }, t('manage.zone')),
      h('th', { scope: 'col' }, t('manage.required')))),
    h('tbody', {}, state.participants.map((p) => {
      const box = h('input', { type: 'checkbox', checked: p.required, 'aria-label': t('manage.isRequired', { name: p.name }),
        disabled: e.status !== 'open' });
      box.addEventListener('change', act(() => call('PATCH', `${events(state.id)}/participants/${p.id}`,
        { token, body: { required: box.checked } })));
      return h('tr', {}, h('th', { scope: 'row' }, p.name), h('td', {}, p.timezone), h('td', {}, box));
    })));
  const deadline = h('input', { type: 'datetime-local', step: 60 });
  const buttons = [];
  if (e.status === 'final') {
    buttons.push(h('button', { type: 'button', onclick: act(() => call('DELETE', `${events(state.id)}/final`, { token })) },
      t('manage.undo')));
  } else {
    buttons.push(h('button', { type: 'button', onclick: act(() => call('PATCH', events(state.id),
      { token, body: { status: e.status === 'open' ? 'closed' : 'open' } })) }, e.status === 'open' ? t('manage.close') : t('manage.reopen')));
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
      message.textContent = t('manage.exportFailed', { problem: problemText(error) });
    }
  } }, t('manage.export'));
  const remove = h('button', { type: 'button', className: 'danger', onclick: async () => {
    if (!confirm(t('manage.confirmDelete', { title: e.title }))) return;
    try {
      await call('DELETE', events(state.id), { token });
      forget(state.id);
      replace(main, h('h1', {}, t('manage.deleted')), h('p', {}, h('a', { href: '/' }, t('manage.createNew'))));
    } catch (error) {
      message.textContent = t('manage.notDeleted', { problem: problemText(error) });
    }
  } }, t('manage.delete'));
  return h('section', { className: 'manage', 'aria-labelledby': 'manage-h' },
    h('h2', { id: 'manage-h' }, t('manage.heading')),
    people,
    h('div', { className: 'row' }, field(t('manage.deadline', { zone: e.timezone }), deadline),
      h('button', { type: 'button', onclick: act(() => call('PATCH', events(state.id),
        { token, body: { deadline: deadline.value || null } })) }, t('manage.setDeadline'))),
    h('p', { className: 'actions' }, buttons, exportButton, remove),
    message);
}
