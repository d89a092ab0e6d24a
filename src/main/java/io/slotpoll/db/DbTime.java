package io.slotpoll.db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * DATETIME columns hold UTC wall time. Converting here, explicitly at UTC, keeps stored
 * values independent of the JVM's default zone and of the database session's time_zone
 * (DATETIME, unlike TIMESTAMP, is never converted by the server or by Connector/J).
 */
public final class DbTime {

    private DbTime() {
    }

    public static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
