package io.slotpoll.event;

import java.util.List;
import java.util.Locale;

/** Whether participants may still answer; the wire form is lower case. */
public enum EventStatus {
    OPEN,
    CLOSED,
    /** A meeting time was picked (PUT .../final); set only through that endpoint. */
    FINAL;

    /** The statuses a PATCH may set. */
    public static final List<String> WIRE_VALUES = List.of("open", "closed");

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
