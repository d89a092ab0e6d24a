/**
 * Availability from a calendar: a service that reads the event and a calendar file or feed
 * (through {@code calendar}) into free time ready to PUT, and its handler. It stands on
 * {@code event} and {@code calendar}; neither knows it.
 */
package io.slotpoll.calendarimport;
