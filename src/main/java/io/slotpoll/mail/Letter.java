package io.slotpoll.mail;

import java.util.Optional;

/**
 * One mail as the features write it: to one address, a subject, the same content as plain
 * text and as HTML (already escaped by {@link Html}), an optional calendar attachment, and the
 * event it is about (empty for a link-recovery mail, which is about the person's own request).
 */
public record Letter(String to, String subject, String text, String html, Optional<Attachment> calendar,
        Optional<String> eventId) {

    /** An iCalendar attachment: its text and its iTIP method ({@code REQUEST} or {@code CANCEL}). */
    public record Attachment(String ics, String method) {
    }
}
