package io.slotpoll.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * SMTP through Jakarta Mail: STARTTLS whenever the server offers it ({@code smtp://}), TLS
 * from the first byte for {@code smtps://}, a login when one is configured, and 10 s
 * timeouts. A reply code of 5xx anywhere in the failure is permanent; 4xx, a timeout, a
 * refused connection or any failure without a code is temporary.
 */
public final class SmtpTransport implements MailTransport {

    private static final String TIMEOUT_MILLIS = "10000";

    /** Where and how to reach the server; an empty user means no login. */
    public record Server(String host, int port, boolean implicitTls, String user, String password) {
        @Override
        public String toString() {
            return "Server[" + host + ":" + port + (implicitTls ? ", tls" : "") + "]";
        }
    }

    /** How long a connection may sit unused before it is closed rather than used again. */
    static final Duration IDLE_MAX = Duration.ofSeconds(20);

    private final Server smtp;
    private final Session session;
    private Transport open;
    private long lastUse;

    public SmtpTransport(Server smtp) {
        this.smtp = smtp;
        String protocol = smtp.implicitTls() ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", smtp.host());
        p.put("mail." + protocol + ".port", Integer.toString(smtp.port()));
        p.put("mail." + protocol + ".auth", Boolean.toString(!smtp.user().isEmpty()));
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        if (!smtp.implicitTls()) {
            p.put("mail.smtp.starttls.enable", "true");
        }
        this.session = Session.getInstance(p);
    }

    /**
     * Sends over one connection kept open between mails (the sender sends one at a time), so
     * a round of mails pays for one handshake; a connection idle for {@link #IDLE_MAX} or
     * left by a failure is closed and a new one opened.
     */
    @Override
    public synchronized void send(String recipient, String mime) throws SendFailure {
        MimeMessage message = MimeLetters.parse(session, mime);
        InternetAddress[] to;
        try {
            to = new InternetAddress[] {new InternetAddress(recipient)};
        } catch (MessagingException e) {
            throw new SendFailure(Outcome.PERMANENT, "not an address SMTP accepts");
        }
        boolean reused = open != null;
        try {
            connection().sendMessage(message, to);
        } catch (MessagingException first) {
            if (!reused || replyCode(first) != 0) {
                throw failure(first);
            }
            // the kept connection had gone away: once more on a new one
            disconnect();
            try {
                connection().sendMessage(message, to);
            } catch (MessagingException again) {
                throw failure(again);
            }
        } finally {
            lastUse = System.nanoTime();
        }
    }

    private SendFailure failure(MessagingException e) {
        int code = replyCode(e);
        if (code == 0 || code == 421) {
            disconnect();
        }
        return new SendFailure(code >= 500 ? Outcome.PERMANENT : Outcome.TEMPORARY,
                code > 0 ? "SMTP " + code : "SMTP " + e.getClass().getSimpleName() + ": " + causeName(e));
    }

    private Transport connection() throws MessagingException {
        if (open != null && (System.nanoTime() - lastUse > IDLE_MAX.toNanos())) {
            disconnect();
        }
        if (open == null) {
            Transport transport = session.getTransport();
            transport.connect(smtp.host(), smtp.port(), smtp.user().isEmpty() ? null : smtp.user(),
                    smtp.user().isEmpty() ? null : smtp.password());
            open = transport;
        }
        return open;
    }

    private void disconnect() {
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException e) {
                // the connection is dropped either way
            }
            open = null;
        }
    }

    @Override
    public synchronized void close() {
        disconnect();
    }

    /** The first SMTP reply code in the failure's chain, or 0 when the server gave none. */
    static int replyCode(Exception failure) {
        for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            if (e instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (e instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
        }
        return 0;
    }

    private static String causeName(Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getClass().getSimpleName();
    }
}
