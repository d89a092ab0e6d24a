/**
 * Mail (API v1.2): the address rules and whether this instance sends mail. Mail is off by
 * default; until a transport (SMTP or SES) and the outbox are configured, every {@code email}
 * field is a 422 {@code email-off}, as the contract says for an instance without mail.
 */
package io.slotpoll.mail;
