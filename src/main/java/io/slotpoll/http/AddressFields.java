package io.slotpoll.http;

import static io.slotpoll.http.Presence.OPTIONAL;
import static io.slotpoll.http.Presence.REQUIRED;

import io.slotpoll.mail.EmailAddress;
import io.slotpoll.problem.Errors;
import java.util.Optional;

/** Email address fields (v1.2 {@code organizerEmail}, {@code email}): absent, null (remove), or a checked address. */
public final class AddressFields {

    private AddressFields() {
    }

    /**
     * Empty when the field is absent; else present, holding the address, or empty for
     * {@code null} (and for a value that was refused, whose reason is recorded).
     */
    public static Optional<Optional<String>> read(ObjectFields body, String name, Errors errors) {
        if (!body.isPresent(name)) {
            return Optional.empty();
        }
        String text = body.label(name, OPTIONAL, EmailAddress.MAX_CHARS);
        return Optional.of(Optional.ofNullable(text == null ? null : EmailAddress.check(text, name, errors)));
    }

    /** A required address: the checked address, or null with the reason (absent, wrong type, malformed) recorded. */
    public static String required(ObjectFields body, String name, Errors errors) {
        String text = body.label(name, REQUIRED, EmailAddress.MAX_CHARS);
        return text == null ? null : EmailAddress.check(text, name, errors);
    }
}
