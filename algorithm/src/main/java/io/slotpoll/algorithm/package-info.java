/**
 * The slot matcher: given proposed windows, a meeting length, a step and each
 * participant's availability, ranks every candidate start. Pure Java with no
 * dependencies and no time-zone code: every time is a whole number of minutes
 * since the Unix epoch in UTC, and every interval is half-open {@code [start, end)}.
 */
package io.slotpoll.algorithm;
