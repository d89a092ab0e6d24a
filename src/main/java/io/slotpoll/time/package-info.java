/**
 * Time at the edges: reading request times (instants with an offset, or local times in a
 * named IANA zone, with DST gaps rejected and overlaps taking the earlier offset) and
 * writing response times. Inside, every time is a UTC {@link java.time.Instant} on a whole minute.
 */
package io.slotpoll.time;
