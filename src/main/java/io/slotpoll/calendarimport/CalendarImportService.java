package io.slotpoll.calendarimport;

import io.slotpoll.calendar.CalendarReader;
import io.slotpoll.calendar.FeedFetcher;
import io.slotpoll.calendar.FreeTime;
import io.slotpoll.event.Event;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.EventService;
import io.slotpoll.problem.Errors;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import io.slotpoll.time.TimeWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Free time from a calendar: an event's proposed windows minus the busy time of an uploaded
 * file or a fetched feed, as an answer the person can PUT. Nothing is stored: neither the
 * file, nor the result, nor the URL.
 */
public final class CalendarImportService {

    /**
     * The most free windows an answer may hold: the contract's limit on {@code availability}
     * of a participant, which this answer must fit to be PUT unchanged.
     */
    public static final int ANSWER_WINDOWS_MAX = 500;

    /** Where the calendar comes from: the bytes of an uploaded file, or a feed's URL. */
    public sealed interface Source {
    }

    /** An uploaded .ics file. */
    @SuppressWarnings("ArrayRecordComponent") // the bytes are read once and never compared
    public record Upload(byte[] ics) implements Source {
    }

    /** A feed the server fetches ({@code https://} or {@code webcal://}). */
    public record Feed(String url) implements Source {
    }

    /** The free time, sorted, and what the reader had to leave out of the file. */
    public record Imported(List<FreeTime.Free> free, List<CalendarReader.Skipped> skipped) {
    }

    private final DSLContext dsl;
    private final EventRepository events;
    private final FeedFetcher fetcher;

    public CalendarImportService(DSLContext dsl, EventRepository events, FeedFetcher fetcher) {
        this.dsl = dsl;
        this.events = events;
        this.fetcher = fetcher;
    }

    /**
     * In the order docs/api.md gives: 404 for an unknown event; the request's collected field
     * errors (400); then the calendar, read from {@code source} only now (so a body that cannot
     * be read is answered after the 404); 422 for a calendar that cannot be fetched or read,
     * or whose free time would not fit an answer. {@code zone} (else the event's) reads
     * floating and all-day values.
     */
    public Imported fromCalendar(String eventId, Errors errors, Optional<ZoneId> zone, Supplier<Source> source) {
        Event event = events.find(dsl, eventId).orElseThrow(() -> EventService.notFound(eventId));
        errors.throwIfAny();
        byte[] ics = switch (source.get()) {
            case Upload upload -> upload.ics();
            case Feed feed -> fetcher.fetch(feed.url());
        };
        Instant from = event.proposedWindows().stream().map(TimeWindow::start).min(Instant::compareTo).orElseThrow();
        Instant to = event.proposedWindows().stream().map(TimeWindow::end).max(Instant::compareTo).orElseThrow();
        CalendarReader.BusyTime busy = CalendarReader.read(ics, zone.orElse(event.timezone()), from, to);
        List<FreeTime.Free> free = FreeTime.of(event.proposedWindows(), busy);
        if (free.size() > ANSWER_WINDOWS_MAX) {
            throw new ProblemException(ProblemType.CALENDAR_INVALID, "the calendar's free time inside the poll comes to "
                    + free.size() + " separate windows, more than the " + ANSWER_WINDOWS_MAX + " an answer may hold");
        }
        return new Imported(free, busy.skipped());
    }
}
