// The organiser's form at "/": a poll's title, length, step, zone, days on a calendar with a
// daily time range plus single ranges, an optional deadline and local hours.
import { ApiError, call } from './api.js';
import { field, h, replace, status, zonePicker } from './dom.js';
import { addressField, lostLinkForm } from './mail.js';
import { saveAdminToken } from './store.js';
import { allZones, browserZone, dayName } from './time.js';

const pad = (n) => String(n).padStart(2, '0');
const isoDate = (y, m, d) => `${y}-${pad(m + 1)}-${pad(d)}`;

export function renderCreate(main) {
  document.title = 'Create a poll · slotpoll';
  const chosen = new Set();
  const singles = [];
  const today = new Date();
  let shown = { year: today.getFullYear(), month: today.getMonth() };

  const title = h('input', { type: 'text', required: true, maxlength: 200, autocomplete: 'off' });
  const description = h('textarea', { rows: 3, maxlength: 5000 });
  const duration = h('select', {}, [15, 30, 45, 60, 90, 120, 180, 240].map((m) =>
    h('option', { value: m, selected: m === 60 }, m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? '' : 's'}`)));
  const step = h('select', {}, [5, 10, 15, 20, 30, 60].map((m) => h('option', { value: m, selected: m === 15 }, `${m} minutes`)));
  const zones = allZones();
  const zone = zonePicker(browserZone(), () => {}, zones);
  const from = h('input', { type: 'time', value: '09:00', step: 300 });
  const to = h('input', { type: 'time', value: '17:00', step: 300 });
  const deadline = h('input', { type: 'datetime-local', step: 60 });
  const hoursStart = h('input', { type: 'time', step: 300 });
  const hoursEnd = h('input', { type: 'time', step: 300 });
  const message = status('status');
  const organizerEmail = addressField('Your email (optional)',
    'We mail you the links to this poll and tell you when people answer. Nothing else.');

  // "Every week": weekdays and one daily range in the poll's zone, from a first week
  const WEEKDAYS = [['MON', 'Monday'], ['TUE', 'Tuesday'], ['WED', 'Wednesday'], ['THU', 'Thursday'],
    ['FRI', 'Friday'], ['SAT', 'Saturday'], ['SUN', 'Sunday']];
  const weekdays = new Set();
  const weekdayButtons = WEEKDAYS.map(([code, name]) => h('button', {
    type: 'button', className: 'day', 'aria-pressed': 'false', 'aria-label': name,
    onclick: (e) => {
      if (weekdays.has(code)) weekdays.delete(code); else weekdays.add(code);
      e.currentTarget.setAttribute('aria-pressed', String(weekdays.has(code)));
    },
  }, name.slice(0, 2)));
  const weeklyFrom = h('input', { type: 'time', value: '18:00', step: 300 });
  const weeklyTo = h('input', { type: 'time', value: '20:00', step: 300 });
  const firstWeek = h('input', { type: 'date', value: isoDate(today.getFullYear(), today.getMonth(), today.getDate()) });
  const datesKind = h('input', { type: 'radio', name: 'kind', value: 'dates', checked: true });
  const weeklyKind = h('input', { type: 'radio', name: 'kind', value: 'weekly' });
  const onDates = h('div', { className: 'on-dates' });
  const onWeeks = h('fieldset', { hidden: true }, h('legend', {}, 'Weekdays and daily time range'),
    h('div', { className: 'days', role: 'group', 'aria-label': 'Weekdays' }, weekdayButtons),
    h('div', { className: 'row' }, field('Every chosen day from', weeklyFrom), field('until', weeklyTo)),
    field('First week (any day of it)', firstWeek, 'The poll asks about this week, and the time found repeats every week.'));
  const showKind = () => {
    onWeeks.hidden = !weeklyKind.checked;
    onDates.hidden = weeklyKind.checked;
  };
  datesKind.addEventListener('change', showKind);
  weeklyKind.addEventListener('change', showKind);

  const calendar = h('div', { className: 'calendar' });
  const chosenList = h('p', { className: 'hint', 'aria-live': 'polite' });
  const singleList = h('ul', { className: 'singles' });

  function drawCalendar() {
    const first = new Date(Date.UTC(shown.year, shown.month, 1));
    const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first);
    const days = new Date(Date.UTC(shown.year, shown.month + 1, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7;
    const cells = [];
    for (let i = 0; i < lead; i++) cells.push(h('span', { className: 'pad', 'aria-hidden': 'true' }));
    for (let d = 1; d <= days; d++) {
      const date = isoDate(shown.year, shown.month, d);
      cells.push(h('button', {
        type: 'button', className: 'day', 'aria-pressed': String(chosen.has(date)), 'aria-label': dayName(date),
        onclick: (e) => {
          if (chosen.has(date)) chosen.delete(date); else chosen.add(date);
          e.currentTarget.setAttribute('aria-pressed', String(chosen.has(date)));
          drawChosen();
        },
      }, String(d)));
    }
    replace(calendar,
      h('div', { className: 'calendar-head' },
        h('button', { type: 'button', 'aria-label': 'Previous month', onclick: () => move(-1) }, '‹'),
        h('span', { className: 'month', 'aria-live': 'polite' }, monthName),
        h('button', { type: 'button', 'aria-label': 'Next month', onclick: () => move(1) }, '›')),
      h('div', { className: 'weekdays', 'aria-hidden': 'true' }, ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((w) => h('span', {}, w))),
      h('div', { className: 'days', role: 'group', 'aria-label': `Days in ${monthName}` }, cells));
  }
  function move(delta) {
    const m = shown.month + delta;
    shown = { year: shown.year + Math.floor(m / 12), month: ((m % 12) + 12) % 12 };
    drawCalendar();
  }
  function drawChosen() {
    const list = [...chosen].sort();
    chosenList.textContent = list.length ? `Chosen: ${list.map(dayName).join(', ')}` : 'No days chosen yet.';
  }
  function drawSingles() {
    replace(singleList, singles.map((s, i) => h('li', {},
      `${dayName(s.date)}, ${s.from} to ${s.to} `,
      h('button', { type: 'button', className: 'link', onclick: () => { singles.splice(i, 1); drawSingles(); } },
        'Remove'))));
  }

  const singleDate = h('input', { type: 'date' });
  const singleFrom = h('input', { type: 'time', value: '09:00', step: 300 });
  const singleTo = h('input', { type: 'time', value: '10:00', step: 300 });
  const addSingle = h('button', { type: 'button', onclick: () => {
    if (!singleDate.value) { message.textContent = 'Pick a date for the single range.'; return; }
    singles.push({ date: singleDate.value, from: singleFrom.value, to: singleTo.value });
    drawSingles();
  } }, 'Add this range');

  function windowOf(date, start, end) {
    // "to" at or before "from" means the range runs past midnight into the next day.
    let endDate = date;
    if (end <= start) {
      const next = new Date(`${date}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      endDate = next.toISOString().slice(0, 10);
    }
    return { start: `${date}T${start}`, end: `${endDate}T${end}` };
  }

  async function submit(e) {
    e.preventDefault();
    const weekly = weeklyKind.checked;
    const windows = weekly ? WEEKDAYS.filter(([code]) => weekdays.has(code)).map(([code]) => (
      { day: code, start: weeklyFrom.value, end: weeklyTo.value === '00:00' ? '24:00' : weeklyTo.value }))
      : [...chosen].sort().map((d) => windowOf(d, from.value, to.value))
        .concat(singles.map((s) => windowOf(s.date, s.from, s.to)));
    const body = {
      title: title.value, durationMinutes: Number(duration.value), slotStepMinutes: Number(step.value),
      timezone: zone.input.value.trim(),
      ...(weekly ? { kind: 'weekly', weeklyWindows: windows, firstWeek: firstWeek.value } : { proposedWindows: windows }),
    };
    if (description.value.trim()) body.description = description.value;
    if (organizerEmail && organizerEmail.input.value.trim()) body.organizerEmail = organizerEmail.input.value.trim();
    if (deadline.value) body.deadline = deadline.value;
    if (hoursStart.value || hoursEnd.value) {
      body.localHours = { start: hoursStart.value, end: hoursEnd.value === '00:00' ? '24:00' : hoursEnd.value };
    }
    if (windows.length === 0) {
      message.textContent = weekly ? 'Choose at least one weekday.'
        : 'Choose at least one day on the calendar, or add a single range.';
      return;
    }
    message.textContent = 'Creating…';
    try {
      const created = (await call('POST', '/api/v1/events', { body })).body;
      saveAdminToken(created.id, created.adminToken);
      location.assign(`/e/${created.id}/manage`);
    } catch (error) {
      message.textContent = error instanceof ApiError
        ? ['The poll was not created.', ...error.fields()].join(' ') : `The poll was not created: ${error.message}`;
    }
  }

  drawCalendar();
  drawChosen();
  replace(main,
    h('h1', {}, 'Create a poll'),
    h('form', { className: 'create', onsubmit: submit, novalidate: true },
      field('Title', title),
      field('Description (optional)', description),
      h('div', { className: 'row' }, field('Meeting length', duration), field('Start times every', step)),
      field('Time zone of the poll', zone.input, 'Times you enter below are in this zone. Type to search.'), zone.list,
      h('fieldset', {}, h('legend', {}, 'The meeting is'),
        h('label', {}, datesKind, ' on one of some dates'), ' ',
        h('label', {}, weeklyKind, ' every week (a weekday and time)')),
      replace(onDates,
        h('fieldset', {}, h('legend', {}, 'Days and daily time range'),
          calendar, chosenList,
          h('div', { className: 'row' }, field('From', from), field('To', to))),
        h('fieldset', {}, h('legend', {}, 'Single ranges (optional)'),
          h('div', { className: 'row' }, field('Date', singleDate), field('From', singleFrom), field('To', singleTo)),
          addSingle, singleList)),
      onWeeks,
      h('fieldset', {}, h('legend', {}, 'Options'),
        field('Answers close at (optional)', deadline),
        h('div', { className: 'row' }, field('Local hours from (optional)', hoursStart), field('Local hours to', hoursEnd)),
        h('p', { className: 'hint' }, 'Local hours rank slots inside everyone’s working day first, in each person’s own zone.'),
        organizerEmail?.element),
      h('button', { type: 'submit', className: 'primary' }, 'Create poll'),
      message),
    lostLinkForm());
  title.focus();
}
