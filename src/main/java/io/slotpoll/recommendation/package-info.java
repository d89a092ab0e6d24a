/**
 * Ranked slot recommendations: loads one consistent snapshot of an event and its
 * participants, runs the {@link io.slotpoll.algorithm.SlotMatcher}, and maps positions
 * back to participant ids and names, with local twins of every instant on request.
 */
package io.slotpoll.recommendation;
