/**
 * Lost links (API v1.2): a person names an address and gets, by mail, one-time codes that
 * issue new tokens. The answer never tells whether the address is known. While this
 * instance sends no mail ({@link io.slotpoll.mail.Mail}) no code is ever issued, so every
 * code is {@code code-expired}.
 */
package io.slotpoll.recovery;
