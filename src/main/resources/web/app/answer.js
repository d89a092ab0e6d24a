// The answer part of a poll page: name, local hours, the grid to paint, and "fill from my calendar".
import { call, events, problemText } from './api.js';
import { field, h, status } from './dom.js';
import { describe, marksFrom, paintGrid, weeklyFrom, windowsFrom } from './paint.js';
import { closedNote } from './poll-parts.js';
import { addressField, ownAddress } from './mail.js';
import { myAnswer, saveMyAnswer } from './store.js';
import { t } from './i18n.js';
import { clock, local, weekdayName } from './time.js';

/** The answer form while the poll is open, else the note that answers are closed. */
export function answerPart(page) {
  return page.state.event.status === 'open' ? answerSection(page) : closedNote(page.state);
}

function answerSection(page) {
  const { state } = page;
  const { model } = state;
  const mine = myAnswer(state.id);
  const me = mine ? state.participants.find((p) => p.id === mine.participantId) : null;
  const marks = me ? marksFrom(model, me.availability) : new Map();
  let version = me ? me.version : null;
  const summary = h('p', { className: 'hint', 'aria-live': 'polite' }, describe(marks));
  const paint = paintGrid(model, marks, () => { summary.textContent = describe(marks); });
  const name = h('input', { type: 'text', maxlength: 100, value: me ? me.name : '', autocomplete: 'name', required: true });
  const hoursStart = h('input', { type: 'time', step: 300, value: me?.localHours?.start || '' });
  const hoursEnd = h('input', { type: 'time', step: 300, value: me?.localHours?.end === '24:00' ? '00:00' : me?.localHours?.end || '' });
  const message = status('status');
  const purpose = t('answer.emailPurpose');
  const email = me ? null : addressField(t('answer.email'), purpose);

  async function save(ev) {
    ev.preventDefault();
    const availability = windowsFrom(model, marks);
    // a weekly poll takes the answer as weekdays and times in the viewer's zone
    const answer = state.event.kind === 'weekly'
      ? { weeklyAvailability: weeklyFrom(model, marks, state.zone) } : { availability };
    const localHours = hoursStart.value || hoursEnd.value
      ? { start: hoursStart.value, end: hoursEnd.value === '00:00' ? '24:00' : hoursEnd.value } : null;
    message.textContent = t('answer.saving');
    try {
      if (!me && !myAnswer(state.id)) {
        const body = { name: name.value, timezone: state.zone, ...answer, localHours };
        if (email && email.input.value.trim()) body.email = email.input.value.trim();
        const created = (await call('POST', `${events(state.id)}/participants`, { body })).body;
        saveMyAnswer(state.id, created.id, created.editToken);
      } else {
        const { participantId, token } = myAnswer(state.id);
        const path = `${events(state.id)}/participants/${participantId}`;
        const put = await call('PUT', `${path}/availability`, { token,
          headers: { 'If-Match': `"${version}"` }, body: { timezone: state.zone, ...answer } });
        version = put.body.version;
        if (name.value !== me.name || JSON.stringify(localHours) !== JSON.stringify(me.localHours)) {
          await call('PATCH', path, { token, headers: { 'If-Match': `"${version}"` }, body: { name: name.value, localHours } });
        }
      }
      await page.refresh('answer', 'group', 'manage');
      document.getElementById('answer-status').textContent = t('answer.saved');
    } catch (error) {
      if (error.status === 412) {
        message.textContent = t('answer.conflict');
        version = null;
        try {
          const fresh = (await call('GET', `${events(state.id)}/participants/${myAnswer(state.id).participantId}`)).body;
          version = fresh.version;
        } catch {
          // keep the message; a second save will report what happens
        }
      } else {
        message.textContent = t('answer.notSaved', { problem: problemText(error) });
      }
    }
  }
  message.id = 'answer-status';
  const fill = fromCalendar(state, model, marks, () => { paint.redraw(); summary.textContent = describe(marks); });
  const editLink = mine ? `${location.origin}/e/${state.id}#edit=${mine.participantId}.${mine.token}` : null;
  // Three panes (what comes before the grid, the grid, what comes after), so that on a wide
  // screen the grid lines up with the group's heatmap beside it (app.css, main.poll).
  return h('section', { className: 'answer pane', 'aria-labelledby': 'answer-h' },
    h('form', { className: 'pane-form', onsubmit: save, novalidate: true },
      h('div', { className: 'pane-head' },
        h('h2', { id: 'answer-h' }, me ? t('answer.yours') : t('answer.add')),
        field(t('answer.name'), name),
        email?.element,
        h('div', { className: 'row' }, field(t('answer.hoursFrom'), hoursStart), field(t('answer.hoursTo'), hoursEnd)),
        h('p', { className: 'hint' }, t('answer.cellsHint', { minutes: state.event.slotStepMinutes, zone: state.zone })),
        weekdayNote(state),
        fill,
        paint.modes),
      h('div', { className: 'pane-grid' }, paint.grid),
      h('div', { className: 'pane-tail' }, summary,
        h('button', { type: 'submit', className: 'primary' }, me ? t('answer.saveChanges') : t('answer.save')),
        message, paint.range)),
    h('div', { className: 'pane-after' },
      editLink ? field(t('answer.editLink'),
        h('input', { type: 'text', readonly: true, value: editLink, className: 'link-box' })) : null,
      me && mine ? ownAddress({ path: `${events(state.id)}/participants/${mine.participantId}`, token: mine.token,
        fieldName: 'email', purpose }) : null));
}

/**
 * A weekly poll seen from another zone: where a proposed window starts on another weekday
 * here than in the poll's zone ("Monday 20:00 in America/Los_Angeles is Tuesday 13:00 here").
 */
function weekdayNote(state) {
  const e = state.event;
  if (e.kind !== 'weekly' || state.zone === e.timezone) return null;
  const notes = [];
  for (const w of e.proposedWindows) {
    const theirs = local(w.start, e.timezone);
    const mine = local(w.start, state.zone);
    if (theirs.date !== mine.date) {
      notes.push(t('answer.weekdayIs', { theirDay: weekdayName(theirs.date), theirTime: clock(theirs.time), zone: e.timezone,
        myDay: weekdayName(mine.date), myTime: clock(mine.time) }));
    }
  }
  return notes.length ? h('p', { className: 'hint weekday-note' }, t('answer.weekdaysDiffer', { notes: notes.join(t('group.separator')) })) : null;
}

/**
 * "Fill from my calendar": an .ics file or a feed URL becomes marks in the grid (free time
 * "yes", tentative time "if need be"), for the person to review and change before saving.
 * The file and the URL go to the API once and are kept nowhere.
 */
function fromCalendar(state, model, marks, changed) {
  const note = status('hint');
  const file = h('input', { type: 'file', accept: '.ics,text/calendar' });
  const url = h('input', { type: 'url', placeholder: t('answer.feedPlaceholder'), autocomplete: 'off', spellcheck: 'false' });
  const path = `${events(state.id)}/availability-from-calendar?timezone=${encodeURIComponent(state.zone)}`;
  const apply = (availability) => {
    marks.clear();
    for (const [index, mark] of marksFrom(model, availability)) marks.set(index, mark);
    changed();
    note.textContent = t('answer.filled', { summary: describe(marks) });
  };
  const run = (request) => async () => {
    note.textContent = t('answer.reading');
    try {
      apply((await request()).body.availability);
    } catch (error) {
      note.textContent = t('answer.calendarFailed', { problem: error.noFile ? t('answer.chooseFile') : problemText(error) });
    }
  };
  return h('details', { className: 'from-calendar' }, h('summary', {}, t('answer.fill')),
    h('p', { className: 'hint' }, t('answer.fillHint')),
    field(t('answer.file'), file),
    h('button', { type: 'button', onclick: run(() => {
      if (!file.files.length) throw Object.assign(new Error('no file'), { noFile: true });
      return call('POST', path, { raw: file.files[0], rawType: 'text/calendar' });
    }) }, t('answer.readFile')),
    field(t('answer.feed'), url),
    h('button', { type: 'button', onclick: run(() => call('POST', path, { body: { url: url.value.trim() } })) }, t('answer.fetchFeed')),
    note);
}
