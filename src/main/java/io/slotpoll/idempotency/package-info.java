/**
 * Idempotent retries of the creating POSTs: the first answer under an
 * {@code Idempotency-Key} is stored, encrypted, in the write's own transaction and
 * replayed to retries on any instance for 24 hours.
 */
package io.slotpoll.idempotency;
