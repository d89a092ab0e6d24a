/**
 * Mail (API v1.2), off unless configured: the address rules, the letters and how they are
 * made into MIME, the transports (SMTP, Amazon SES v2), the outbox every mail passes
 * through (a row written in the transaction of the change that causes it) and the sender
 * that every instance runs over it. Features say what a letter says; this package knows
 * nothing of events or participants beyond an event id.
 */
package io.slotpoll.mail;
