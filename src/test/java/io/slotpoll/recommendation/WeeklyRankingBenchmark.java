package io.slotpoll.recommendation;

import io.slotpoll.algorithm.MatchRequest;
import io.slotpoll.algorithm.Preference;
import io.slotpoll.algorithm.SlotMatcher;
import io.slotpoll.event.Event;
import io.slotpoll.event.EventStatus;
import io.slotpoll.http.Json;
import io.slotpoll.participant.AvailabilityWindow;
import io.slotpoll.participant.Participant;
import io.slotpoll.time.FirstWeek;
import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.WeeklyWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole uncached ranking answer (matcher and JSON writer, top 10) of a weekly poll beside a
 * dates poll of the same size: 1,000 participants x 20 windows each over one week (every day
 * 08:00 to 22:00 in New York, the week of its spring change), in six zones. The two share
 * every instant; the weekly answer adds {@code day}, {@code time} and {@code offsetChanges}
 * for the returned slots. Run by bench/matcher.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WeeklyRankingBenchmark {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("America/Santiago"), ZoneId.of("Pacific/Chatham"), NEW_YORK);

    @Param({"dates", "weekly"})
    public String kind;

    private Snapshot snapshot;
    private final SlotMatcher matcher = new SlotMatcher();
    private final RecommendationsView writer = new RecommendationsView(Json.newMapper());
    private final Query query = new Query(10, 0, Optional.of(ZoneId.of("Europe/London")));

    @Setup(Level.Trial)
    public void load() {
        snapshot = snapshot(kind.equals("weekly"));
    }

    @Benchmark
    public byte[] answer() {
        Event event = snapshot.event();
        return writer.recommendations(snapshot, matcher.match(new MatchRequest(snapshot.proposed(),
                event.durationMinutes(), event.slotStepMinutes(), snapshot.matcherInput(), query.minAvailable(),
                query.limit())), query);
    }

    static Snapshot snapshot(boolean weekly) {
        LocalDate monday = LocalDate.of(2027, 3, 8);
        FirstWeek week = FirstWeek.of(monday, NEW_YORK);
        List<WeeklyWindow> weeklyWindows = new ArrayList<>();
        List<TimeWindow> proposed = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            WeeklyWindow w = new WeeklyWindow(day, 8 * 60, 22 * 60);
            weeklyWindows.add(w);
            proposed.addAll(week.own(w));
        }
        Instant now = Instant.parse("2027-03-01T00:00:00Z");
        Event event = new Event("bench-event", "Weekly call", "", 60, 15, NEW_YORK, proposed, null, EventStatus.OPEN,
                7, 1_000, now, now, null, null, null, null, weekly ? new Event.Weekly(weeklyWindows, monday) : null);
        Random random = new Random(42);
        List<Participant> people = new ArrayList<>();
        long from = week.start().getEpochSecond() / 60;
        long span = (week.end().getEpochSecond() - week.start().getEpochSecond()) / 60;
        for (int i = 0; i < 1_000; i++) {
            List<AvailabilityWindow> windows = new ArrayList<>();
            for (int w = 0; w < 20; w++) {
                long start = from + random.nextLong(span / 15) * 15;
                long end = start + 30 + random.nextInt(15) * 15L;
                windows.add(new AvailabilityWindow(new TimeWindow(Instant.ofEpochSecond(start * 60),
                        Instant.ofEpochSecond(end * 60)), random.nextInt(10) < 3 ? Preference.IF_NEED_BE : Preference.YES));
            }
            people.add(new Participant("p" + i, "Person " + i, ZONES.get(i % ZONES.size()), random.nextInt(20) == 0,
                    AvailabilityWindow.merge(windows), 1, now, now, null, weekly ? List.of() : null));
        }
        return new Snapshot(event, people, people.stream().map(new RecommendationsView(Json.newMapper())::person).toList(),
                MatcherInput.proposed(event), MatcherInput.respondents(people, null));
    }
}
