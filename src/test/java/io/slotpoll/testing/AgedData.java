package io.slotpoll.testing;

import io.slotpoll.db.Database;
import io.slotpoll.participant.Names;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills a schema with what years of use leave behind, written straight to the tables as
 * earlier rounds stored them: thousands of events across many zones, open and closed,
 * and tens of thousands of participants joined in an interleaved order (so one event's
 * row keys are far apart and far above small-number caches), most with several windows.
 */
public final class AgedData {

    /** How much one fill leaves: the figures the contract test on aged data promises. */
    public record Size(int events, int participants) {
    }

    private static final String[] ZONES = {"America/New_York", "Europe/London", "Europe/Berlin", "Asia/Kathmandu",
        "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "Australia/Lord_Howe", "Asia/Tokyo", "UTC",
        "America/Los_Angeles", "Africa/Casablanca", "America/Sao_Paulo", "Pacific/Kiritimati"};
    private static final int[] STEPS = {5, 10, 15, 20, 30, 60};
    private static final int BATCH = 1000;

    private AgedData() {
    }

    public static void fill(Database database, Size size, long seed) {
        Random random = new Random(seed);
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            List<String> events = insertEvents(c, size.events(), random);
            insertParticipants(c, events, size.participants(), random);
            try (PreparedStatement usage = c.prepareStatement("UPDATE event e SET"
                    + " window_count = (SELECT COUNT(*) FROM availability_window w WHERE w.event_id = e.id),"
                    + " name_bytes = (SELECT COALESCE(SUM(OCTET_LENGTH(p.name)), 0) FROM participant p"
                    + " WHERE p.event_id = e.id)")) {
                usage.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill the aged schema", e);
        }
    }

    private static List<String> insertEvents(Connection c, int count, Random random) throws SQLException {
        List<String> ids = new ArrayList<>(count);
        try (PreparedStatement event = c.prepareStatement("INSERT INTO event (id, title, description, duration_minutes,"
                + " slot_step_minutes, timezone, deadline, status, version, admin_token_hash, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement window = c.prepareStatement(
                        "INSERT INTO proposed_window (event_id, ordinal, start_at, end_at) VALUES (?, ?, ?, ?)")) {
            for (int e = 0; e < count; e++) {
                String id = id();
                ids.add(id);
                LocalDateTime created = LocalDateTime.of(2023, 1, 1, 0, 0).plusMinutes(random.nextInt(3 * 525_600));
                LocalDateTime first = created.plusDays(1 + random.nextInt(60)).withMinute(0);
                event.setString(1, id);
                event.setString(2, "Earlier round " + e);
                event.setString(3, random.nextInt(3) == 0 ? null : "Agenda for round " + e);
                event.setInt(4, 15 * (1 + random.nextInt(8)));
                event.setInt(5, STEPS[random.nextInt(STEPS.length)]);
                event.setString(6, ZONES[random.nextInt(ZONES.length)]);
                event.setObject(7, random.nextInt(4) == 0 ? first.minusHours(1) : null);
                event.setString(8, random.nextInt(5) == 0 ? "closed" : "open");
                event.setLong(9, 1 + random.nextInt(50));
                event.setBytes(10, bytes(random, 32));
                event.setObject(11, created);
                event.setObject(12, created.plusHours(random.nextInt(500)));
                event.addBatch();
                for (int w = 0; w < 1 + random.nextInt(3); w++) {
                    LocalDateTime start = first.plusDays(w);
                    window.setString(1, id);
                    window.setInt(2, w);
                    window.setObject(3, start);
                    window.setObject(4, start.plusHours(2 + random.nextInt(8)));
                    window.addBatch();
                }
                if (e % BATCH == BATCH - 1) {
                    event.executeBatch();
                    window.executeBatch();
                }
            }
            event.executeBatch();
            window.executeBatch();
        }
        return ids;
    }

    private static void insertParticipants(Connection c, List<String> events, int count, Random random)
            throws SQLException {
        List<String> ids = new ArrayList<>(count);
        List<String> eventOf = new ArrayList<>(count);
        LocalDateTime base = LocalDateTime.of(2024, 6, 1, 8, 0);
        try (PreparedStatement participant = c.prepareStatement("INSERT INTO participant (id, event_id, name, name_key,"
                + " timezone, is_required, version, edit_token_hash, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < count; p++) {
                String event = events.get(random.nextInt(events.size()));
                String id = id();
                ids.add(id);
                eventOf.add(event);
                String name = "Earlier P" + p;
                participant.setString(1, id);
                participant.setString(2, event);
                participant.setString(3, name);
                participant.setBytes(4, Names.key(name));
                participant.setString(5, ZONES[random.nextInt(ZONES.length)]);
                participant.setBoolean(6, random.nextInt(6) == 0);
                participant.setLong(7, 1 + random.nextInt(5));
                participant.setBytes(8, bytes(random, 32));
                participant.setObject(9, base.plusMinutes(p));
                participant.setObject(10, base.plusMinutes(p));
                participant.addBatch();
                if (p % BATCH == BATCH - 1) {
                    participant.executeBatch();
                }
            }
            participant.executeBatch();
        }
        Map<String, Long> seqs = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, seq FROM participant");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                seqs.put(rows.getString(1), rows.getLong(2));
            }
        }
        try (PreparedStatement window = c.prepareStatement("INSERT INTO availability_window (participant_seq, ordinal,"
                + " event_id, start_at, end_at, preference) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < count; p++) {
                LocalDateTime start = base.plusDays(random.nextInt(30)).plusMinutes(15L * random.nextInt(40));
                for (int w = 0; w < random.nextInt(6); w++) {
                    window.setLong(1, seqs.get(ids.get(p)));
                    window.setInt(2, w);
                    window.setString(3, eventOf.get(p));
                    window.setObject(4, start);
                    start = start.plusMinutes(15L * (1 + random.nextInt(12)));
                    window.setObject(5, start);
                    window.setString(6, random.nextInt(3) == 0 ? "ifneedbe" : "yes");
                    window.addBatch();
                    start = start.plusMinutes(15L * (1 + random.nextInt(12)));
                }
                if (p % BATCH == BATCH - 1) {
                    window.executeBatch();
                }
            }
            window.executeBatch();
        }
    }

    private static final SecureRandom IDS = new SecureRandom();

    /** An id as the service makes them: 128 random bits, base64url; random, so two fills never collide. */
    private static String id() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(IDS, 16));
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
