// The parts both poll pages show: the heading, the chosen time, the zone picker, and the
// note that stands in for the answer form once answers are closed.
import { events } from './api.js';
import { field, h, zonePicker } from './dom.js';
import { saveViewZone } from './store.js';
import { allZones, browserZone, dayName, isZone, local, range, weekdayName } from './time.js';

export function heading(state) {
  const e = state.event;
  document.title = `${e.title} · slotpoll`;
  return [
    h('h1', {}, e.title),
    e.description ? h('p', { className: 'description' }, e.description) : null,
    h('p', { className: 'meta' }, `${e.durationMinutes}-minute meeting · poll in ${e.timezone} · `,
      e.status === 'open' ? 'open for answers' : e.status === 'closed' ? 'closed' : 'final',
      e.deadline ? ` · answers close ${range(e.deadline, e.deadline, state.zone).split(' to ')[0]}` : ''),
  ];
}

/** The event's calendar subscription: {@code webcal://} makes calendars subscribe instead of importing once. */
function feedLink(state, text, className) {
  return h('a', { href: `webcal://${location.host}${events(state.id)}/feed.ics`, className }, text);
}

const minutesOf = (time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The weekly occurrences after the first (26 in all) where the meeting's local start in
 * {@code zone} differs from the week before: each is the same local time in the event's
 * zone a week later (found from the instant a week on, moved by what the event zone's
 * offset did meanwhile), as the weekly calendar entry has it.
 */
function weeklyChanges(e, zone) {
  const first = local(e.final.start, e.timezone);
  const changes = [];
  let before = local(e.final.start, zone).time;
  for (let week = 1; week < 26; week++) {
    let instant = Date.parse(e.final.start) + week * 7 * 86400000;
    for (let i = 0; i < 2; i++) {
      const drift = minutesOf(local(new Date(instant).toISOString(), e.timezone).time) - minutesOf(first.time);
      instant -= ((drift + 720 + 1440) % 1440 - 720) * 60000;
    }
    const there = local(new Date(instant).toISOString(), zone);
    if (there.time !== before) changes.push(`from ${dayName(there.date)}: ${weekdayName(there.date)} at ${there.time}`);
    before = there.time;
  }
  return changes;
}

/** A weekly poll's final time: every weekday at a time, in the viewer's zone and the poll's, and the weeks it moves. */
function weeklyWhen(state) {
  const e = state.event;
  const mine = local(e.final.start, state.zone);
  const theirs = local(e.final.start, e.timezone);
  const changes = weeklyChanges(e, state.zone);
  return [
    h('p', { className: 'when' }, `Every ${weekdayName(mine.date)} at ${mine.time}`,
      h('span', { className: 'zone' }, ` (your time, ${state.zone})`), `, from ${dayName(mine.date)}`),
    state.zone !== e.timezone ? h('p', { className: 'hint' },
      `In the poll’s zone: every ${weekdayName(theirs.date)} at ${theirs.time} (${e.timezone})`) : null,
    changes.length ? h('p', { className: 'hint' }, 'Your local time changes when the clocks change: ',
      changes.join('; '), '.') : null,
  ];
}

export function finalBanner(state) {
  const e = state.event;
  if (!e.final) {
    return h('p', { className: 'hint subscribe' }, 'Add this poll to your calendar and the meeting appears there once the'
      + ' time is picked, and moves if it moves: ', feedLink(state, 'subscribe in your calendar'), '.');
  }
  return h('section', { className: 'final', 'aria-labelledby': 'final-h' },
    h('h2', { id: 'final-h', tabindex: '-1' }, 'The meeting is set'),
    ...(e.kind === 'weekly' ? weeklyWhen(state) : [
      h('p', { className: 'when' }, range(e.final.start, e.final.end, state.zone), h('span', { className: 'zone' }, ` (${state.zone})`)),
      state.zone !== e.timezone ? h('p', { className: 'hint' }, `In the poll’s zone: ${range(e.final.start, e.final.end, e.timezone)} (${e.timezone})`) : null]),
    h('p', { className: 'actions' },
      h('a', { href: `${events(e.id)}/calendar.ics`, download: `slotpoll-${e.id}.ics`, className: 'button' }, 'Download .ics'),
      feedLink(state, 'Subscribe (keeps itself updated)', 'button'),
      h('a', { href: e.links.googleCalendar, rel: 'noopener noreferrer', target: '_blank', className: 'button' }, 'Add to Google Calendar'),
      h('a', { href: e.links.outlookCalendar, rel: 'noopener noreferrer', target: '_blank', className: 'button' }, 'Add to Outlook')));
}

/** The zone picker; a new zone reloads the page's data and redraws every other part (the picker keeps focus). */
export function zoneBox(page, others) {
  const { state } = page;
  const picker = zonePicker(state.zone, async (value, input) => {
    if (!isZone(value)) {
      input.setCustomValidity('Not a known time zone');
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    state.zone = value;
    saveViewZone(value);
    await page.refresh(...others);
  }, allZones());
  picker.input.id = 'zone-input';
  return h('div', { className: 'zone-box' },
    field('Show times in', picker.input, `Your browser says ${browserZone()}; the poll was made in ${state.event.timezone}.`),
    picker.list);
}

export function closedNote(state) {
  return h('p', { className: 'note' },
    state.event.status === 'final' ? 'The time is fixed; answers can no longer change.' : 'The poll is closed; answers can no longer change.');
}
