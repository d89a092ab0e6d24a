/**
 * Participants and their availability: joining an event, replacing availability
 * atomically (with optimistic concurrency by participant version), renaming, marking
 * required, leaving. Windows are stored merged per preference and sorted by start.
 */
package io.slotpoll.participant;
