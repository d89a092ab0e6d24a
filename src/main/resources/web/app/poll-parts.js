// The parts both poll pages show: the heading, the chosen time, the zone picker, and the
// note that stands in for the answer form once answers are closed.
import { events } from './api.js';
import { field, h, zonePicker } from './dom.js';
import { saveViewZone } from './store.js';
import { t } from './i18n.js';
import { allZones, browserZone, clock, dayName, isZone, local, range, weekdayName } from './time.js';

export function heading(state) {
  const e = state.event;
  document.title = t('app.titleSuffix', { title: e.title });
  return [
    h('h1', {}, e.title),
    e.description ? h('p', { className: 'description' }, e.description) : null,
    h('p', { className: 'meta' }, t('poll.meta', { minutes: e.durationMinutes, zone: e.timezone,
      status: t(`poll.status.${e.status}`) }),
      e.deadline ? t('poll.closes', { when: at(e.deadline, state.zone) }) : ''),
  ];
}

/** The event's calendar subscription: {@code webcal://} makes calendars subscribe instead of importing once. */
function feedLink(state, text, className) {
  return h('a', { href: `webcal://${location.host}${events(state.id)}/feed.ics`, className }, text);
}

/** "Monday 24 March, 09:00": one instant in a zone. */
function at(instant, zone) {
  const l = local(instant, zone);
  return t('poll.at', { day: dayName(l.date), time: clock(l.time) });
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
    if (there.time !== before) {
      changes.push(t('poll.changeFrom', { date: dayName(there.date), day: weekdayName(there.date), time: clock(there.time) }));
    }
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
    h('p', { className: 'when' }, t('poll.every', { day: weekdayName(mine.date), time: clock(mine.time) }),
      h('span', { className: 'zone' }, t('poll.yourTime', { zone: state.zone })), t('poll.fromDate', { date: dayName(mine.date) })),
    state.zone !== e.timezone ? h('p', { className: 'hint' },
      t('poll.everyThere', { day: weekdayName(theirs.date), time: clock(theirs.time), zone: e.timezone })) : null,
    changes.length ? h('p', { className: 'hint' }, t('poll.changes', { changes: changes.join(t('group.separator')) })) : null,
  ];
}

export function finalBanner(state) {
  const e = state.event;
  if (!e.final) {
    return h('p', { className: 'hint subscribe' }, t('poll.subscribeHint'), ' ', feedLink(state, t('poll.subscribeLink')),
      t('poll.subscribeEnd'));
  }
  return h('section', { className: 'final', 'aria-labelledby': 'final-h' },
    h('h2', { id: 'final-h', tabindex: '-1' }, t('poll.set')),
    ...(e.kind === 'weekly' ? weeklyWhen(state) : [
      h('p', { className: 'when' }, range(e.final.start, e.final.end, state.zone), h('span', { className: 'zone' }, ` (${state.zone})`)),
      state.zone !== e.timezone ? h('p', { className: 'hint' },
        t('poll.inPollZone', { when: range(e.final.start, e.final.end, e.timezone), zone: e.timezone })) : null]),
    h('p', { className: 'actions' },
      h('a', { href: `${events(e.id)}/calendar.ics`, download: `slotpoll-${e.id}.ics`, className: 'button' }, t('poll.download')),
      feedLink(state, t('poll.subscribe'), 'button'),
      h('a', { href: e.links.googleCalendar, rel: 'noopener noreferrer', target: '_blank', className: 'button' }, t('poll.google')),
      h('a', { href: e.links.outlookCalendar, rel: 'noopener noreferrer', target: '_blank', className: 'button' }, t('poll.outlook'))));
}

/** The zone picker; a new zone reloads the page's data and redraws every other part (the picker keeps focus). */
export function zoneBox(page, others) {
  const { state } = page;
  const picker = zonePicker(state.zone, async (value, input) => {
    if (!isZone(value)) {
      input.setCustomValidity(t('poll.unknownZone'));
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
    field(t('poll.showIn'), picker.input, t('poll.zoneHint', { browser: browserZone(), zone: state.event.timezone })),
    picker.list);
}

export function closedNote(state) {
  return h('p', { className: 'note' },
    state.event.status === 'final' ? t('poll.fixed') : t('poll.closed'));
}
