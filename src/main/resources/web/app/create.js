// The organiser's form at "/": a poll's title, length, step, zone, days on a calendar with a
// daily time range plus single ranges, an optional deadline and local hours.
import { call, problemText } from './api.js';
import { field, h, replace, status, zonePicker } from './dom.js';
import { addressField, lostLinkForm } from './mail.js';
import { saveAdminToken } from './store.js';
import { t } from './i18n.js';
import { allZones, browserZone, clock, dayName, monthName, shortWeekday, weekdayName } from './time.js';

const pad = (n) => String(n).padStart(2, '0');
const isoDate = (y, m, d) => `${y}-${pad(m + 1)}-${pad(d)}`;

export function renderCreate(main) {
  document.title = t('app.titleSuffix', { title: t('create.heading') });
  const chosen = new Set();
  const singles = [];
  const today = new Date();
  let shown = { year: today.getFullYear(), month: today.getMonth() };

  const title = h('input', { type: 'text', required: true, maxlength: 200, autocomplete: 'off' });
  const description = h('textarea', { rows: 3, maxlength: 5000 });
  const duration = h('select', {}, [15, 30, 45, 60, 90, 120, 180, 240].map((m) =>
    h('option', { value: m, selected: m === 60 }, m < 60 ? t('create.minutes', { count: m }) : t('create.hours', { count: m / 60 }))));
  const step = h('select', {}, [5, 10, 15, 20, 30, 60].map((m) => h('option', { value: m, selected: m === 15 }, t('create.minutes', { count: m }))));
  const zones = allZones();
  const zone = zonePicker(browserZone(), () => {}, zones);
  const from = h('input', { type: 'time', value: '09:00', step: 300 });
  const to = h('input', { type: 'time', value: '17:00', step: 300 });
  const deadline = h('input', { type: 'datetime-local', step: 60 });
  const hoursStart = h('input', { type: 'time', step: 300 });
  const hoursEnd = h('input', { type: 'time', step: 300 });
  const message = status('status');
  const organizerEmail = addressField(t('answer.email'), t('create.emailPurpose'));

  // "Every week": weekdays and one daily range in the poll's zone, from a first week
  // (named from a Monday, 4 January 2027, and the six days after it)
  const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((code, i) => [code, `2027-01-${pad(4 + i)}`]);
  const weekdays = new Set();
  const weekdayButtons = WEEKDAYS.map(([code, date]) => h('button', {
    type: 'button', className: 'day', 'aria-pressed': 'false', 'aria-label': weekdayName(date),
    onclick: (e) => {
      if (weekdays.has(code)) weekdays.delete(code); else weekdays.add(code);
      e.currentTarget.setAttribute('aria-pressed', String(weekdays.has(code)));
    },
  }, shortWeekday(date)));
  const weeklyFrom = h('input', { type: 'time', value: '18:00', step: 300 });
  const weeklyTo = h('input', { type: 'time', value: '20:00', step: 300 });
  const firstWeek = h('input', { type: 'date', value: isoDate(today.getFullYear(), today.getMonth(), today.getDate()) });
  const datesKind = h('input', { type: 'radio', name: 'kind', value: 'dates', checked: true });
  const weeklyKind = h('input', { type: 'radio', name: 'kind', value: 'weekly' });
  const onDates = h('div', { className: 'on-dates' });
  const onWeeks = h('fieldset', { hidden: true }, h('legend', {}, t('create.weeklyLegend')),
    h('div', { className: 'days', role: 'group', 'aria-label': t('create.weekdays') }, weekdayButtons),
    h('div', { className: 'row' }, field(t('create.weeklyFrom'), weeklyFrom), field(t('create.weeklyTo'), weeklyTo)),
    field(t('create.firstWeek'), firstWeek, t('create.firstWeekHint')));
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
    const month = monthName(isoDate(shown.year, shown.month, 1));
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
        h('button', { type: 'button', 'aria-label': t('create.previousMonth'), onclick: () => move(-1) }, '‹'),
        h('span', { className: 'month', 'aria-live': 'polite' }, month),
        h('button', { type: 'button', 'aria-label': t('create.nextMonth'), onclick: () => move(1) }, '›')),
      h('div', { className: 'weekdays', 'aria-hidden': 'true' }, WEEKDAYS.map(([, date]) => h('span', {}, shortWeekday(date)))),
      h('div', { className: 'days', role: 'group', 'aria-label': t('create.daysIn', { month }) }, cells));
  }
  function move(delta) {
    const m = shown.month + delta;
    shown = { year: shown.year + Math.floor(m / 12), month: ((m % 12) + 12) % 12 };
    drawCalendar();
  }
  function drawChosen() {
    const list = [...chosen].sort();
    chosenList.textContent = list.length ? t('create.chosen', { days: list.map(dayName).join(t('create.listSeparator')) }) : t('create.noneChosen');
  }
  function drawSingles() {
    replace(singleList, singles.map((s, i) => h('li', {},
      t('time.range', { day: dayName(s.date), start: clock(s.from), end: clock(s.to) }), ' ',
      h('button', { type: 'button', className: 'link', onclick: () => { singles.splice(i, 1); drawSingles(); } },
        t('create.remove')))));
  }

  const singleDate = h('input', { type: 'date' });
  const singleFrom = h('input', { type: 'time', value: '09:00', step: 300 });
  const singleTo = h('input', { type: 'time', value: '10:00', step: 300 });
  const addSingle = h('button', { type: 'button', onclick: () => {
    if (!singleDate.value) { message.textContent = t('create.pickDate'); return; }
    singles.push({ date: singleDate.value, from: singleFrom.value, to: singleTo.value });
    drawSingles();
  } }, t('create.addRange'));

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
      message.textContent = weekly ? t('create.chooseWeekday') : t('create.chooseDay');
      return;
    }
    message.textContent = t('create.creating');
    try {
      const created = (await call('POST', '/api/v1/events', { body })).body;
      saveAdminToken(created.id, created.adminToken);
      location.assign(`/e/${created.id}/manage`);
    } catch (error) {
      message.textContent = t('create.failed', { problem: problemText(error) });
    }
  }

  drawCalendar();
  drawChosen();
  replace(main,
    h('h1', {}, t('create.heading')),
    h('form', { className: 'create', onsubmit: submit, novalidate: true },
      field(t('create.title'), title),
      field(t('create.description'), description),
      h('div', { className: 'row' }, field(t('create.length'), duration), field(t('create.step'), step)),
      field(t('create.zone'), zone.input, t('create.zoneHint')), zone.list,
      h('fieldset', {}, h('legend', {}, t('create.kind')),
        h('label', {}, datesKind, ' ', t('create.kindDates')), ' ',
        h('label', {}, weeklyKind, ' ', t('create.kindWeekly'))),
      replace(onDates,
        h('fieldset', {}, h('legend', {}, t('create.daysLegend')),
          calendar, chosenList,
          h('div', { className: 'row' }, field(t('paint.from'), from), field(t('paint.to'), to))),
        h('fieldset', {}, h('legend', {}, t('create.singles')),
          h('div', { className: 'row' }, field(t('create.date'), singleDate), field(t('paint.from'), singleFrom),
            field(t('paint.to'), singleTo)),
          addSingle, singleList)),
      onWeeks,
      h('fieldset', {}, h('legend', {}, t('create.options')),
        field(t('create.deadline'), deadline),
        h('div', { className: 'row' }, field(t('create.hoursFrom'), hoursStart), field(t('create.hoursTo'), hoursEnd)),
        h('p', { className: 'hint' }, t('create.hoursHint')),
        organizerEmail?.element),
      h('button', { type: 'submit', className: 'primary' }, t('create.submit')),
      message),
    lostLinkForm());
  title.focus();
}
