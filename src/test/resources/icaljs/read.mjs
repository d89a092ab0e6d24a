// Reads an iCalendar file with ical.js (an independent reader) and prints what it found as JSON.
// FinalApiTest, FeedApiTest and WeeklyApiTest run it where .ci/run installed ical.js (ICALJS_DIR).
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], 'utf8')));
// the file's own zones (a weekly meeting's DTSTART;TZID names one)
for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
}
const vevents = root.getAllSubcomponents('vevent');
const calendar = {
  version: root.getFirstPropertyValue('version'),
  prodid: root.getFirstPropertyValue('prodid'),
  method: root.getFirstPropertyValue('method'),
  name: root.getFirstPropertyValue('x-wr-calname'),
  refresh: String(root.getFirstPropertyValue('refresh-interval') ?? ''),
  ttl: root.getFirstPropertyValue('x-published-ttl'),
  events: vevents.length,
};
if (vevents.length > 0) {
  const event = new ICAL.Event(vevents[0]);
  Object.assign(calendar, {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    sequence: event.sequence,
    status: vevents[0].getFirstPropertyValue('status'),
    url: vevents[0].getFirstPropertyValue('url'),
  });
  if (event.isRecurring()) {
    // the first 26 occurrences, as UTC instants
    const iterator = event.iterator();
    const occurrences = [];
    for (let next = iterator.next(); next && occurrences.length < 26; next = iterator.next()) {
      occurrences.push(next.toJSDate().toISOString());
    }
    calendar.rrule = String(vevents[0].getFirstPropertyValue('rrule'));
    calendar.occurrences = occurrences;
  }
}
console.log(JSON.stringify(calendar));
