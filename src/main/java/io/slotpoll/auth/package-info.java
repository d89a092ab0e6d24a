/**
 * Identifiers and secrets: unguessable ids, bearer tokens that are shown once and
 * stored only as SHA-256 hashes, and the checks that decide 401 versus 403.
 */
package io.slotpoll.auth;
