package io.slotpoll.algorithm.bench;

import io.slotpoll.algorithm.Availability;
import io.slotpoll.algorithm.Interval;
import io.slotpoll.algorithm.LocalHours;
import io.slotpoll.algorithm.MatchRequest;
import io.slotpoll.algorithm.Respondent;
import io.slotpoll.algorithm.Preference;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The benchmark data sets, generated from a fixed seed: proposed windows covering whole
 * days, a 60-minute meeting on a 15-minute step, windows of 30 minutes to 4 hours on the
 * quarter hour, 30% of them "if need be", 5% of participants required. The "-hours"
 * variants give every participant local hours (08:00 to 18:00, 24:00 for a fifth of them)
 * in one of six zones, some with DST changes inside the span and 30- and 45-minute offsets.
 */
public final class DataSets {

    private static final long START = 29_000_000L; // 2025-02-20T13:20Z in epoch minutes, rounded below

    private DataSets() {
    }

    public static MatchRequest named(String name) {
        return switch (name) {
            case "small" -> generate(20, 5, 7);
            case "large" -> generate(1_000, 20, 30);
            case "huge" -> generate(10_000, 20, 90);
            case "large-hours" -> withHours(generate(1_000, 20, 30));
            case "huge-hours" -> withHours(generate(10_000, 20, 90));
            default -> throw new IllegalArgumentException("unknown data set " + name);
        };
    }

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"));

    static MatchRequest withHours(MatchRequest request) {
        Random random = new Random(7);
        List<Respondent> people = new ArrayList<>(request.participants().size());
        for (Respondent p : request.participants()) {
            LocalHours hours = new LocalHours(ZONES.get(random.nextInt(ZONES.size())), 8 * 60,
                    random.nextInt(5) == 0 ? 1440 : 18 * 60);
            people.add(new Respondent(p.required(), p.availability(), Optional.of(hours)));
        }
        return new MatchRequest(request.proposedWindows(), request.durationMinutes(), request.stepMinutes(), people,
                request.minAttending(), request.limit());
    }

    public static MatchRequest generate(int participants, int windowsEach, int days) {
        Random random = new Random(42);
        long base = START - START % 1440;
        List<Interval> proposed = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            proposed.add(new Interval(base + d * 1440L, base + (d + 1) * 1440L));
        }
        List<Respondent> people = new ArrayList<>(participants);
        for (int p = 0; p < participants; p++) {
            List<Availability> windows = new ArrayList<>(windowsEach);
            for (int w = 0; w < windowsEach; w++) {
                long start = base + 15L * random.nextInt(days * 96);
                long length = 30 + 15L * random.nextInt(15);
                Preference preference = random.nextInt(10) < 3 ? Preference.IF_NEED_BE : Preference.YES;
                windows.add(new Availability(new Interval(start, start + length), preference));
            }
            people.add(new Respondent(random.nextInt(100) < 5, windows));
        }
        return new MatchRequest(proposed, 60, 15, people, 0, 10);
    }
}
