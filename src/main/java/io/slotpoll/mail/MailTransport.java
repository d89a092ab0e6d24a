package io.slotpoll.mail;

/** Where a built message goes: an SMTP server or Amazon SES. Implementations are thread-safe. */
public interface MailTransport extends AutoCloseable {

    /** Sends {@code mime} (a complete message) to {@code recipient}; throws what went wrong, classified. */
    void send(String recipient, String mime) throws SendFailure;

    /** What the sender does when a send fails: try again later, or give up. */
    enum Outcome { TEMPORARY, PERMANENT }

    /** A failed send; its message names neither the recipient nor the content. */
    final class SendFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final Outcome outcome;

        public SendFailure(Outcome outcome, String message) {
            super(message);
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }
    }

    @Override
    default void close() {
    }
}
