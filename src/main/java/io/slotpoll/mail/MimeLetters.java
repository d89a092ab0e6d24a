package io.slotpoll.mail;

import io.slotpoll.text.Text;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * Letters as MIME, built by Jakarta Mail (Eclipse Angus), never by concatenating headers:
 * {@code multipart/mixed} holding {@code multipart/alternative} (plain text, then HTML, both
 * UTF-8) and, when the letter has one, the {@code text/calendar} attachment with its iTIP
 * method. Non-ASCII subjects and names are RFC 2047 encoded; control characters leave the
 * subject first, so no header can be injected. The headers: {@code From}, {@code To},
 * {@code Subject}, {@code Date}, the given {@code Message-ID}, {@code Auto-Submitted:
 * auto-generated}, and for a letter about an event {@code List-Unsubscribe} (the one-click
 * link, RFC 8058) with {@code List-Unsubscribe-Post}. The result is 7-bit text.
 */
public final class MimeLetters {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeLetters() {
    }

    /** The letter as a complete message, dated {@code date}. */
    public static String build(Letter letter, String from, String messageId, Optional<String> unsubscribeUrl,
            Instant date) {
        try {
            MimeMessage message = new FixedIdMessage(messageId);
            message.setFrom(new InternetAddress(from, "slotpoll", "UTF-8"));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(letter.to(), true));
            message.setSubject(Text.printableLine(letter.subject()), "UTF-8");
            message.setSentDate(Date.from(date));
            message.setHeader("Auto-Submitted", "auto-generated");
            if (unsubscribeUrl.isPresent()) {
                message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl.get() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(letter.text(), "UTF-8", "plain");
            alternative.addBodyPart(plain);
            MimeBodyPart html = new MimeBodyPart();
            html.setText("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + letter.html()
                    + "</body></html>", "UTF-8", "html");
            alternative.addBodyPart(html);
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            if (letter.calendar().isPresent()) {
                Letter.Attachment ics = letter.calendar().get();
                MimeBodyPart calendar = new MimeBodyPart();
                calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(
                        ics.ics().getBytes(StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8; method=" + ics.method())));
                calendar.setFileName("invite.ics");
                calendar.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(calendar);
            }
            message.setContent(mixed);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build a mail", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a mail", e);
        }
    }

    /** A stored message, read back to be sent. */
    static MimeMessage parse(Session session, String mime) {
        try {
            return new MimeMessage(session, new java.io.ByteArrayInputStream(mime.getBytes(StandardCharsets.US_ASCII)));
        } catch (MessagingException e) {
            throw new IllegalStateException("a stored mail cannot be read back", e);
        }
    }

    /** A message whose Message-ID is the one chosen when it was queued, kept by {@code saveChanges}. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
