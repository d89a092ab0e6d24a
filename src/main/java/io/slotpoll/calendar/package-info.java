/**
 * iCalendar out: the final meeting of an event as an RFC 5545 file (written with ical4j),
 * and the "add event" links of Google Calendar and Outlook.
 */
package io.slotpoll.calendar;
