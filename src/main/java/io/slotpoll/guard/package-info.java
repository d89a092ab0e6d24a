/**
 * Protection at the edge of the API: per-client rate limits, the client's address
 * behind a trusted proxy, and CORS for an allow-list of origins.
 */
package io.slotpoll.guard;
