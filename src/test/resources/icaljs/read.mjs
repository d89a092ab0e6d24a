// Reads an iCalendar file with ical.js (an independent reader) and prints what it found as JSON.
// FinalApiTest runs it where .ci/run installed ical.js (ICALJS_DIR).
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], 'utf8')));
const vevents = root.getAllSubcomponents('vevent');
const event = new ICAL.Event(vevents[0]);
console.log(JSON.stringify({
  version: root.getFirstPropertyValue('version'),
  prodid: root.getFirstPropertyValue('prodid'),
  method: root.getFirstPropertyValue('method'),
  events: vevents.length,
  uid: event.uid,
  summary: event.summary,
  description: event.description,
  start: event.startDate.toJSDate().toISOString(),
  end: event.endDate.toJSDate().toISOString(),
  sequence: event.sequence,
  status: vevents[0].getFirstPropertyValue('status'),
  url: vevents[0].getFirstPropertyValue('url'),
}));
