package io.slotpoll.event;

import io.slotpoll.mail.MailText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the event keeps of its organiser, returned only to the admin token: the address
 * (if they gave one) and the language mail to it is written in, how they hear of new answers, and whether the one "everyone answered"
 * mail was queued.
 */
public record Organizer(Optional<String> email, String language, Notify notification, boolean everyoneAnsweredQueued) {

    /** How the organiser hears of new answers: a mail each, one digest per period, or none. */
    public enum Notify {
        EACH, DIGEST, OFF;

        public static final List<String> WIRE_VALUES = List.of("each", "digest", "off");

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Notify fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public static Organizer none() {
        return new Organizer(Optional.empty(), MailText.LANGUAGES.getFirst(), Notify.DIGEST, false);
    }
}
