/**
 * Events: the organiser's poll (title, meeting length, step, zone, proposed windows,
 * deadline, status), its rules, storage and HTTP endpoints. An event's {@code version}
 * grows on every change that can change its recommendations, including changes to its
 * participants, and is the key recommendation ETags and caches are built on.
 */
package io.slotpoll.event;
