package io.slotpoll.time;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** IANA time-zone names, as the JDK's tz database knows them; fixed offsets and aliases like "Z" are not names. */
public final class Zones {

    private static final Set<String> NAMES = ZoneId.getAvailableZoneIds();

    private Zones() {
    }

    public static Optional<ZoneId> parse(String name) {
        if (name == null || !NAMES.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(name));
    }

    public static String unknownMessage(String name) {
        return "must be an IANA time-zone name such as Europe/Berlin (was \"" + shorten(name) + "\")";
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
