/**
 * The closed set of failures a service may report (a type, its title and status, field
 * errors), with nothing of how they travel: no Javalin, no Jackson. The HTTP edge turns them
 * into RFC 9457 problem+json ({@code http.Problems}); mail and background work read the same.
 */
package io.slotpoll.problem;
