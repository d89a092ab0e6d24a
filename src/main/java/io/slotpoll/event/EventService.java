package io.slotpoll.event;

import io.slotpoll.algorithm.Interval;
import io.slotpoll.algorithm.SlotMatcher;
import io.slotpoll.auth.Access;
import io.slotpoll.auth.Secrets;
import io.slotpoll.mail.Mailer;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.Errors;
import io.slotpoll.problem.ProblemType;
import io.slotpoll.text.Text;
import io.slotpoll.time.EpochMinutes;
import io.slotpoll.time.FirstWeek;
import io.slotpoll.time.WeeklyWindow;
import io.slotpoll.time.RequestTimes;
import io.slotpoll.time.RequestTimes.WindowBounds;
import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/** Creates, changes and deletes events; each write is one transaction. */
public final class EventService {

    /**
     * A new event, what it keeps of its organiser (shown only while mail is on), and the admin
     * token, which exists only in this answer.
     */
    public record Created(Event event, Optional<Organizer> organizer, String adminToken) {
    }

    /**
     * An event as one reader sees it: with the organiser's address and notification choice
     * for an admin token while mail is on (without mail, every view is v1.1's).
     */
    public record Administered(Event event, Optional<Organizer> organizer) {
    }

    private final DSLContext dsl;
    private final EventRepository events;
    private final Clock clock;
    private final Mailer mailer;
    private final EventLetters letters;

    public EventService(DSLContext dsl, EventRepository events, Clock clock, Mailer mailer, EventLinks links) {
        this.dsl = dsl;
        this.events = events;
        this.clock = clock;
        this.mailer = mailer;
        this.letters = new EventLetters(mailer, events, links);
    }

    /**
     * Creates the event in the caller's transaction {@code tx} (the idempotency wrapper owns
     * it): resolves its times in the body's zone, checks the rules, then inserts.
     */
    Created create(DSLContext tx, EventCommands.Create c) {
        Event.Weekly weekly = null;
        List<TimeWindow> windows;
        String windowsField = "proposedWindows";
        if (c.weekly() != null) {
            windowsField = "weeklyWindows";
            windows = weeklyInstants(c.weekly().windows(), c.weekly().firstWeek(), c.timezone(), c.errors());
            weekly = new Event.Weekly(c.weekly().windows().stream().filter(Objects::nonNull).toList(),
                    c.weekly().firstWeek());
        } else {
            windows = resolve(c.proposedWindows(), c.timezone(), c.errors());
        }
        Instant deadline = c.deadline() == null ? null
                : RequestTimes.resolve(c.deadline(), c.timezone(), "deadline", c.errors());
        if (c.durationMinutes() != null && !c.errors().has("durationMinutes") && !windows.isEmpty()) {
            EventRules.checkWindows(windows, c.durationMinutes(), windowsField, c.errors());
        }
        c.errors().throwIfAny();
        Optional<String> email = c.organizerEmail().flatMap(e -> e);
        if (c.organizerEmail().isPresent()) {
            mailer.requireOn("organizerEmail");
        }
        Instant now = now();
        String token = Secrets.newToken();
        Event event = new Event(Secrets.newId(), c.title(), c.description(), c.durationMinutes(), c.slotStepMinutes(),
                c.timezone().orElseThrow(), windows, deadline, EventStatus.OPEN, 1, 0, now, now, null, null, null,
                c.localHours(), weekly);
        Organizer organizer = new Organizer(email, c.language(), c.notification().orElse(Organizer.Notify.DIGEST), false);
        events.insert(tx, event, Secrets.hash(token), organizer);
        email.ifPresent(to -> letters.created(tx, event, to, c.language(), token));
        return new Created(event, shown(organizer), token);
    }

    Event get(String id) {
        return events.find(dsl, id).orElseThrow(() -> notFound(id));
    }

    /**
     * The event (404), and with it what it keeps of its organiser when {@code token} is one of
     * its admin tokens; any other token reads the public view, as no token does.
     */
    Administered getAs(String id, Optional<String> token) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Event event = events.find(t, id).orElseThrow(() -> notFound(id));
            Organizer organizer = null;
            if (token.isPresent() && mailer.isOn()) {
                Optional<byte[]> adminHash = events.adminTokenHash(t, id);
                if (adminHash.isPresent() && EventRepository.adminToken(t, id, adminHash.get())
                        .test(Secrets.hash(token.get()))) {
                    organizer = events.organizer(t, id).orElseThrow();
                }
            }
            return new Administered(event, Optional.ofNullable(organizer));
        });
    }

    /**
     * One transaction: the event (404), the admin token (401/403), then the body (400, the
     * times resolved in the patch's zone if it names one, else the event's), then the change.
     */
    Administered patch(EventCommands.Patch p) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            EventRepository.Locked locked = lockAsAdmin(t, p.eventId(), p.token());
            Event current = locked.event();
            Optional<ZoneId> zone = Optional.of(p.timezone().orElse(current.timezone()));
            List<TimeWindow> windows = p.proposedWindows().map(bounds -> resolve(bounds, zone, p.errors()))
                    .orElse(current.proposedWindows());
            Event.Weekly weekly = current.weekly();
            String windowsField = "proposedWindows";
            if (weekly == null) {
                p.weeklyWindows().ifPresent(w -> p.errors().add("weeklyWindows", "is only for a weekly poll"
                        + " (kind \"weekly\"): send proposedWindows"));
                p.firstWeek().ifPresent(w -> p.errors().add("firstWeek", "is only for a weekly poll (kind \"weekly\")"));
            } else {
                windowsField = "weeklyWindows";
                p.proposedWindows().ifPresent(w -> p.errors().add("proposedWindows", "is not allowed on a weekly poll"
                        + " (kind \"weekly\"): send weeklyWindows"));
                boolean moved = (p.firstWeek().isPresent() && !p.firstWeek().get().equals(weekly.firstWeekDate()))
                        || (p.timezone().isPresent() && !p.timezone().get().equals(current.timezone()));
                if (moved && current.participantCount() > 0) {
                    p.errors().add(p.firstWeek().isPresent() ? "firstWeek" : "timezone", "cannot change once people"
                            + " have answered this weekly poll: their answers were converted through the first week"
                            + " in the event's zone");
                }
                List<WeeklyWindow> weeklyWindows = p.weeklyWindows().orElse(weekly.windows());
                LocalDate firstWeek = p.firstWeek().orElse(weekly.firstWeekDate());
                windows = weeklyInstants(weeklyWindows, firstWeek, zone, p.errors());
                weekly = new Event.Weekly(weeklyWindows.stream().filter(Objects::nonNull).toList(), firstWeek);
            }
            Instant deadline = p.deadline().isEmpty() ? current.deadline()
                    : p.deadline().get().map(bound -> RequestTimes.resolve(bound, zone, "deadline", p.errors())).orElse(null);
            int duration = p.durationMinutes().orElse(current.durationMinutes());
            EventRules.checkWindows(windows, duration, windowsField, p.errors());
            p.errors().throwIfAny();
            if (p.organizerEmail().isPresent()) {
                mailer.requireOn("organizerEmail");
            }
            if (current.status() == EventStatus.FINAL && (p.proposedWindows().isPresent() || p.weeklyWindows().isPresent()
                    || p.firstWeek().isPresent()
                    || p.durationMinutes().isPresent() || p.slotStepMinutes().isPresent() || p.status().isPresent())) {
                throw new ProblemException(ProblemType.EVENT_FINAL, "event " + current.id() + " is final: undo the final"
                        + " time (DELETE .../final) before changing proposedWindows, durationMinutes, slotStepMinutes"
                        + " or status");
            }
            Event changed = new Event(current.id(),
                    p.title().orElse(current.title()),
                    p.description().map(d -> d.orElse(null)).orElse(current.description()),
                    duration,
                    p.slotStepMinutes().orElse(current.slotStepMinutes()),
                    zone.orElseThrow(),
                    windows,
                    deadline,
                    p.status().orElse(current.status()),
                    current.version() + 1,
                    current.participantCount(),
                    current.createdAt(),
                    now(),
                    current.finalSlot(),
                    current.finalSequence(),
                    current.cancelledSlot(),
                    p.localHours().isPresent() ? p.localHours().get().orElse(null) : current.localHours(),
                    weekly);
            if (p.proposedWindows().isPresent() || !windows.equals(current.proposedWindows())
                    || !Objects.equals(weekly, current.weekly())) {
                events.updateWithWindows(t, changed);
            } else {
                events.update(t, changed);
            }
            Organizer before = locked.organizer();
            // a new address is written to in the language of the request that gave it
            Organizer organizer = new Organizer(p.organizerEmail().orElse(before.email()),
                    p.organizerEmail().isPresent() ? p.language() : before.language(),
                    p.notification().orElse(before.notification()), before.everyoneAnsweredQueued());
            if (!organizer.equals(before)) {
                events.setOrganizer(t, current.id(), organizer);
                if (before.email().isPresent() && !before.email().equals(organizer.email())) {
                    mailer.forgetAddress(t, current.id(), before.email().get());
                }
            }
            return new Administered(changed, shown(organizer));
        });
    }

    /**
     * Picks the meeting time, or moves it: one transaction, 404, 401/403, then {@code start}
     * (400 unless it is a candidate start of the event), then the change. The .ics SEQUENCE
     * is 0 at the first finalization and one more at every later one.
     */
    Event finalize(EventCommands.Finalize f) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Event current = lockAsAdmin(t, f.eventId(), f.token()).event();
            Instant start = f.start() == null ? null
                    : RequestTimes.resolve(f.start(), Optional.of(current.timezone()), "start", f.errors());
            if (start != null && !isCandidateStart(current, start)) {
                f.errors().add("start", "must be a candidate start of the event: inside a proposed window, on its "
                        + current.slotStepMinutes() + "-minute grid, with " + current.durationMinutes()
                        + " minutes to the window's end (was " + Times.utc(start) + ")");
            }
            f.errors().throwIfAny();
            int sequence = current.finalSequence() == null ? 0 : current.finalSequence() + 1;
            TimeWindow slot = new TimeWindow(start, start.plusSeconds(60L * current.durationMinutes()));
            Event changed = current.picked(slot, sequence, current.version() + 1, now());
            events.update(t, changed);
            if (!slot.equals(current.finalSlot())) {
                letters.picked(t, changed, current.finalSlot() != null);
            }
            return changed;
        });
    }

    /** Undoes the final time: 404, 401/403, then 409 {@code not-final} unless final; the event is then closed. */
    void unfinalize(String id, Optional<String> token) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Event current = lockAsAdmin(t, id, token).event();
            if (current.status() != EventStatus.FINAL) {
                throw notFinal(current);
            }
            Event changed = current.unpicked(current.version() + 1, now());
            events.update(t, changed);
            letters.cancelled(t, changed, letters.links().cancelled(current, current.finalSlot()), false,
                    changed.updatedAt());
        });
    }

    /** The final event, for its calendar file; 404, or 409 {@code not-final}. */
    Event finalEvent(String id) {
        Event event = get(id);
        if (event.finalSlot() == null) {
            throw notFinal(event);
        }
        return event;
    }

    /** Whether {@code start} is a candidate start of the event: the matcher's own grid decides. */
    static boolean isCandidateStart(Event event, Instant start) {
        List<Interval> proposed = new ArrayList<>();
        for (TimeWindow w : event.proposedWindows()) {
            proposed.add(EpochMinutes.interval(w));
        }
        return SlotMatcher.isCandidateStart(proposed, event.durationMinutes(), event.slotStepMinutes(),
                EpochMinutes.of(start));
    }

    private static ProblemException notFinal(Event event) {
        return new ProblemException(ProblemType.NOT_FINAL, "event " + event.id() + " has no final meeting time"
                + " (status " + event.status().wire() + "); PUT .../final picks one");
    }

    void delete(String id, Optional<String> token) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Event current = lockAsAdmin(t, id, token).event();
            mailer.forgetEvent(t, id);
            if (current.finalSlot() != null) {
                letters.cancelled(t, current, letters.links().cancelled(current, current.finalSlot()), true,
                        now());
            }
            events.delete(t, id);
        });
    }

    private Optional<Organizer> shown(Organizer organizer) {
        return mailer.isOn() ? Optional.of(organizer) : Optional.empty();
    }

    /** One locked read of the event row: 404 if it is missing, then the admin token (401/403). */
    private EventRepository.Locked lockAsAdmin(DSLContext t, String id, Optional<String> token) {
        EventRepository.Locked locked = events.lock(t, id).orElseThrow(() -> notFound(id));
        Access.requireAdmin(token, EventRepository.adminToken(t, id, locked.adminTokenHash()),
                hash -> events.hasParticipantToken(t, id, hash));
        return locked;
    }

    /**
     * A weekly poll's windows as UTC instants of its first week, in order (null where a
     * window, the date or the zone was unreadable; two where a window spans a repeated hour);
     * a window wholly in an hour the first week skips is a 400.
     */
    private static List<TimeWindow> weeklyInstants(List<WeeklyWindow> windows, LocalDate firstWeek, Optional<ZoneId> zone,
            Errors errors) {
        List<TimeWindow> instants = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            WeeklyWindow w = windows.get(i);
            if (w == null || firstWeek == null || zone.isEmpty()) {
                instants.add(null);
                continue;
            }
            List<TimeWindow> pieces = FirstWeek.of(firstWeek, zone.get()).own(w);
            if (pieces.isEmpty()) {
                errors.add("weeklyWindows[" + i + "]", "falls wholly in the hour that " + zone.get().getId()
                        + " skips in the first week (a DST change)");
            }
            instants.addAll(pieces);
        }
        return instants;
    }

    /** The windows in {@code zone}, aligned with {@code bounds}: null where a window did not resolve. */
    private static List<TimeWindow> resolve(List<WindowBounds> bounds, Optional<ZoneId> zone, Errors errors) {
        List<TimeWindow> windows = new ArrayList<>(bounds.size());
        for (WindowBounds b : bounds) {
            windows.add(b == null ? null : b.resolve(zone, errors));
        }
        return windows;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public static ProblemException notFound(String id) {
        return ProblemException.notFound("no event with id " + Text.shownId(id));
    }
}
