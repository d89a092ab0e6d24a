package io.slotpoll.mail;

import io.slotpoll.problem.FieldError;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import java.util.List;

/**
 * Whether this instance sends mail. It does not yet: no transport (SMTP or SES) and no
 * outbox exist, so it behaves as the contract's instance without mail configuration,
 * where every address field is refused with 422 {@code email-off} and nothing is sent.
 */
public final class Mail {

    private Mail() {
    }

    /** 422 {@code email-off} naming the field that carried an address (or null). */
    public static ProblemException off(String field) {
        return new ProblemException(ProblemType.EMAIL_OFF, "this slotpoll sends no mail (SMTP_URL or SES_REGION and"
                + " MAIL_FROM are not set), so " + field + " cannot be stored; leave it out",
                List.of(new FieldError(field, "mail is off on this service")));
    }
}
