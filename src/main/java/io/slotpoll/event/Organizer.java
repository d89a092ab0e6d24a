package io.slotpoll.event;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the event keeps of its organiser, returned only to the admin token: the address
 * (if they gave one), how they hear of new answers, and whether the one "everyone answered"
 * mail was queued.
 */
public record Organizer(Optional<String> email, Notify notification, boolean everyoneAnsweredQueued) {

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
        return new Organizer(Optional.empty(), Notify.DIGEST, false);
    }
}
