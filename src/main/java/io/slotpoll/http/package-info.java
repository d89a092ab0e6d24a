/**
 * HTTP plumbing shared by every feature: the one JSON mapper, bounded and strict
 * request-body reading, field validation that collects every error, and the single
 * place that turns failures into RFC 9457 {@code application/problem+json}.
 */
package io.slotpoll.http;
