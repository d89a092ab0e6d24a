/**
 * Serves what a browser loads: pages and their assets, from the jar (our own files under
 * {@code web/} and webjars' files), each with a content type, an ETag and a cache policy,
 * and pages under a content policy that allows only this origin's scripts and styles.
 */
package io.slotpoll.web;
