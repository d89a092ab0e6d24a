// Times in the browser through Intl only. Instants from the API are UTC ("...Z"); they are
// shown in a zone the viewer picks, exactly as the API's ...Local twins would write them, and
// named in the reader's language (local() computes in one fixed form; the names below are
// the locale's).
import { language, locale, t } from './i18n.js';

const formats = new Map();

function formatter(zone) {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formats.set(zone, f);
  }
  return f;
}

/** {date: "YYYY-MM-DD", time: "HH:MM", second} of an instant in a zone. */
export function local(instant, zone) {
  const p = {};
  for (const part of formatter(zone).formatToParts(new Date(instant))) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, second: p.second };
}

// Browsers (ICU) still name some zones by their old IANA spellings; the API, and people,
// use the current ones.
const CURRENT = {
  'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon', 'Europe/Kiev': 'Europe/Kyiv', 'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk', 'Pacific/Truk': 'Pacific/Chuuk', 'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton', 'Asia/Ulan_Bator': 'Asia/Ulaanbaatar', 'America/Buenos_Aires':
    'America/Argentina/Buenos_Aires', 'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville', 'Etc/UTC': 'UTC', 'Etc/GMT': 'UTC',
};

const currentName = (zone) => CURRENT[zone] || zone;

export function browserZone() {
  return currentName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

export function allZones() {
  try {
    const zones = [...new Set(Intl.supportedValuesOf('timeZone').map(currentName))].sort();
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return [browserZone(), 'UTC'];
  }
}

export function isZone(zone) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "Monday 24 March" for a local date "2025-03-24" (the date itself, no zone involved). */
export function dayName(date) {
  return named(date, { weekday: 'long', day: 'numeric', month: 'long' });
}

const names = new Map();

function named(date, options) {
  const key = `${locale()}|${JSON.stringify(options)}`;
  if (!names.has(key)) names.set(key, new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', ...options }));
  return names.get(key).format(new Date(`${date}T12:00:00Z`));
}

/** "March 2027" in the reader's language, for a date in that month. */
export function monthName(date) {
  return named(date, { month: 'long', year: 'numeric' });
}

/**
 * A local time "HH:MM" as the reader's locale writes it (24- or 12-hour clock); English
 * keeps the API's own form. "24:00" (the end of a day) is written as midnight.
 */
export function clock(time) {
  if (language() === 'en') return time;
  const [hour, minute] = time.split(':').map(Number);
  const key = `${locale()}|clock`;
  if (!names.has(key)) names.set(key, new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }));
  return names.get(key).format(new Date(Date.UTC(1970, 0, 1, hour % 24, minute)));
}

/** "Monday" for a local date: a weekly poll's columns are weekdays, whatever week they fall in. */
export function weekdayName(date) {
  return named(date, { weekday: 'long' });
}

export function shortWeekday(date) {
  return named(date, { weekday: 'short' });
}

export function shortDay(date) {
  return named(date, { weekday: 'short', day: 'numeric', month: 'short' });
}

/**
 * "Monday 24 March, 09:00 to 10:00" in the zone (the end's date is named when it differs);
 * "Every Monday, 09:00 to 10:00" for a slot of a weekly poll.
 */
export function range(start, end, zone, { weekly = false } = {}) {
  const s = local(start, zone);
  const e = local(end, zone);
  const day = weekly ? weekdayName : dayName;
  const params = { day: day(s.date), start: clock(s.time), end: clock(e.time), endDay: day(e.date) };
  if (weekly) return t(e.date === s.date ? 'time.everyRange' : 'time.everyRangeToDay', params);
  return t(e.date === s.date ? 'time.range' : 'time.rangeToDay', params);
}
