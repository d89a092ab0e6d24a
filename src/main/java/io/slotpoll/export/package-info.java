/**
 * What leaves the service as a file for the organiser: the CSV export of every answer
 * (RFC 4180, formula-safe, no control characters). It stands on {@code participant}.
 */
package io.slotpoll.export;
