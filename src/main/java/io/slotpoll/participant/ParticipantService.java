package io.slotpoll.participant;

import io.slotpoll.auth.Access;
import io.slotpoll.auth.Secrets;
import io.slotpoll.event.Event;
import io.slotpoll.event.EventRepository;
import io.slotpoll.event.EventStatus;
import io.slotpoll.event.EventService;
import io.slotpoll.mail.Mailer;
import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.Errors;
import io.slotpoll.problem.ProblemType;
import io.slotpoll.text.Text;
import io.slotpoll.time.FirstWeek;
import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.Times;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Participant writes. Each is one transaction that first locks the event row, so writes
 * to one event are serialised, the event's state (open, deadline) is checked under the
 * lock, and the event version grows exactly once per edit.
 */
public final class ParticipantService {

    /**
     * A new participant, its address (present only while mail is on, and then empty when
     * none was given), and the edit token, which exists only in this answer.
     */
    public record Created(Participant participant, Optional<Optional<String>> email, String editToken) {
    }

    /**
     * A participant as one reader sees it: {@code email} is present only for the
     * participant's own token (their address, or empty when they gave none); absent, the
     * view has no {@code email} field.
     */
    public record Seen(Participant participant, Optional<Optional<String>> email) {
    }

    /**
     * The most availability windows (after merging) all participants of one event may hold
     * together: 2,000 participants with 25 windows each, or 200 who painted 250 separate
     * ranges each. No group of people meets it; it bounds what one event costs to load,
     * list and rank (docs/performance.md, "Worst requests within the limits").
     */
    public static final int WINDOWS_PER_EVENT_MAX = 50_000;

    /**
     * The most UTF-8 bytes all participant names of one event may take together: 64 bytes
     * a name for 2,000 participants. Every ranking names each participant once per slot,
     * so this bounds a 100-slot answer; a script that gives 2,000 participants names of
     * 100 four-byte characters would otherwise make each such answer about 86 MB.
     */
    public static final long NAME_BYTES_PER_EVENT_MAX = 128 * 1024;

    private final DSLContext dsl;
    private final EventRepository events;
    private final ParticipantRepository participants;
    private final Clock clock;
    private final int maxParticipants;
    private final Mailer mailer;
    private final ParticipantLetters letters;

    public ParticipantService(DSLContext dsl, EventRepository events, ParticipantRepository participants, Clock clock,
            int maxParticipants, Mailer mailer, ParticipantLetters letters) {
        this.maxParticipants = maxParticipants;
        this.mailer = mailer;
        this.letters = letters;
        this.dsl = dsl;
        this.events = events;
        this.participants = participants;
        this.clock = clock;
    }

    /**
     * Adds a participant in the caller's transaction {@code tx} (the idempotency wrapper owns
     * it): the body first (400), then the event (404) under its lock, its state and limits
     * (409), the name (409).
     */
    Created join(DSLContext tx, String eventId, ParticipantCommands.Join c) {
        List<AvailabilityWindow> availability = resolve(c.answer().availability(), c.timezone(), c.errors());
        c.errors().throwIfAny();
        Instant now = now();
        EventRepository.Locked locked = lockEvent(tx, eventId);
        Event event = locked.event();
        List<WeeklyAvailability> weekly = weeklyAnswer(event, c.answer(), c.errors());
        c.errors().throwIfAny();
        if (weekly != null) {
            availability = instants(event, weekly, c.timezone().orElseThrow());
        }
        requireOpen(event, now);
        Optional<String> email = c.email().flatMap(e -> e);
        if (c.email().isPresent()) {
            mailer.requireOn("email");
        }
        if (event.participantCount() >= maxParticipants) {
            throw new ProblemException(ProblemType.EVENT_FULL, "event " + event.id() + " already has "
                    + event.participantCount() + " participants, the most an event may have");
        }
        String token = Secrets.newToken();
        Participant participant = new Participant(Secrets.newId(), c.name(), c.timezone().orElseThrow(), false,
                AvailabilityWindow.merge(availability), 1, now, now, c.localHours(), weekly);
        EventRepository.Usage added = usage(participant);
        requireRoom(event, locked.usage(), added);
        long seq = participants.insert(tx, event.id(), participant, Secrets.hash(token), email, c.language());
        if (weekly != null) {
            participants.replaceWeekly(tx, seq, event.id(), weekly);
        }
        events.bumpVersion(tx, event.id(), now, added);
        email.ifPresent(to -> letters.joined(tx, event, participant, to, c.language(), token));
        letters.answered(tx, event, locked.organizer(), participant, true);
        letters.checkEveryoneAnswered(tx, event, locked.organizer(), now);
        return new Created(participant, mailer.isOn() ? Optional.of(email) : Optional.empty(), token);
    }

    /** An event's participants and the event version they belong to, read in one transaction. */
    record Listed(long eventVersion, List<Participant> participants) {
    }

    Listed list(String eventId) {
        return dsl.transactionResult(tx -> {
            long version = events.version(tx.dsl(), eventId).orElseThrow(() -> eventNotFound(eventId));
            return new Listed(version, participants.listWithAnswers(tx.dsl(), eventId));
        });
    }

    /** The event's participants for the CSV export: 404, then the admin token (401/403), in one read. */
    public List<Participant> export(String eventId, Optional<String> token) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            byte[] adminHash = events.adminTokenHash(t, eventId).orElseThrow(() -> eventNotFound(eventId));
            Access.requireAdmin(token, EventRepository.adminToken(t, eventId, adminHash),
                    hash -> events.hasParticipantToken(t, eventId, hash));
            return participants.listByEvent(t, eventId);
        });
    }

    /** The participant (404); with its own edit token (the first or a recovered one), its address too. */
    Seen get(String eventId, String participantId, Optional<String> token) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            ParticipantRepository.Stored stored = participants.findStored(t, eventId, participantId)
                    .orElseThrow(() -> notFound(participantId));
            boolean own = mailer.isOn() && token.isPresent() && EventRepository.editToken(t, stored.seq(), stored.editTokenHash())
                    .test(Secrets.hash(token.get()));
            return new Seen(stored.participant(), own ? Optional.of(stored.email()) : Optional.empty());
        });
    }

    /**
     * The windows resolve before the transaction (the zone is the body's); their errors are
     * thrown in it. A weekly poll's answer is converted through its first week under the lock.
     */
    Seen replaceAvailability(ParticipantCommands.Replace c) {
        List<AvailabilityWindow> resolved = resolve(c.answer().availability(), c.timezone(), c.errors());
        return edit(c.target(), Permission.ADMIN_OR_OWNER, c.errors(), (t, locked, stored, now) -> {
            Participant p = stored.participant();
            List<WeeklyAvailability> weekly = weeklyAnswer(locked.event(), c.answer(), c.errors());
            if (weekly != null && c.answer().weekly().isEmpty()) {
                c.errors().add("weeklyAvailability", "is required on a weekly poll (day, start, end in your zone)");
            }
            c.errors().throwIfAny();
            List<AvailabilityWindow> merged = AvailabilityWindow.merge(weekly == null ? resolved
                    : instants(locked.event(), weekly, c.timezone().orElseThrow()));
            participants.replaceAvailability(t, stored.seq(), stored.eventId(), merged);
            if (weekly != null) {
                participants.replaceWeekly(t, stored.seq(), stored.eventId(), weekly);
            }
            Participant changed = new Participant(p.id(), p.name(), c.timezone().orElseThrow(), p.required(), merged,
                    p.version() + 1, p.createdAt(), now, p.localHours(), weekly);
            participants.update(t, stored.seq(), changed);
            letters.answered(t, locked.event(), locked.organizer(), changed, false);
            return new Edited(changed, stored.email());
        });
    }

    Seen change(ParticipantCommands.Change c) {
        Permission permission = c.required().isPresent() ? Permission.ADMIN : Permission.ADMIN_OR_OWNER;
        return edit(c.target(), permission, c.errors(), (t, locked, stored, now) -> {
            Optional<String> email = c.email().orElse(stored.email());
            if (c.email().isPresent()) {
                mailer.requireOn("email");
            }
            if (!email.equals(stored.email())) {
                // a new address is written to in the language of the request that gave it
                participants.setEmail(t, stored.seq(), email, c.language());
                stored.email().ifPresent(old -> mailer.forgetAddress(t, stored.eventId(), old));
            }
            Participant p = stored.participant();
            Participant changed = new Participant(p.id(), c.name().orElse(p.name()), p.timezone(),
                    c.required().orElse(p.required()), p.availability(), p.version() + 1, p.createdAt(), now,
                    c.localHours().isPresent() ? c.localHours().get().orElse(null) : p.localHours(), p.weekly());
            participants.update(t, stored.seq(), changed);
            return new Edited(changed, email);
        });
    }

    void delete(ParticipantCommands.Target target) {
        Seen unused = edit(target, Permission.ADMIN_OR_OWNER, new Errors(), (t, locked, stored, now) -> {
            participants.delete(t, stored.seq());
            stored.email().ifPresent(old -> mailer.forgetAddress(t, stored.eventId(), old));
            return null;
        });
    }

    /** Whose token may make an edit: the admin's or the participant's own, or only the admin's (setting {@code required}). */
    private enum Permission { ADMIN_OR_OWNER, ADMIN }

    /** A participant as an edit left it, with its address. */
    private record Edited(Participant participant, Optional<String> email) {
    }

    /** A change to one participant under the event's lock; returns the participant as changed, null if deleted. */
    @FunctionalInterface
    private interface Edit {
        Edited apply(DSLContext tx, EventRepository.Locked locked, ParticipantRepository.Stored stored, Instant now);
    }

    /**
     * One transaction, in the order docs/api.md promises: the event and the participant
     * (404), the token (401/403), the body (400), an edit token setting {@code required}
     * (403), the event's state (409), {@code If-Match} (412), then the change and the event's
     * limits (409), and the event's version.
     */
    private Seen edit(ParticipantCommands.Target target, Permission permission, Errors errors, Edit edit) {
        Instant now = now();
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            EventRepository.Locked locked = lockEvent(t, target.eventId());
            Event event = locked.event();
            ParticipantRepository.Stored stored = participants.findForUpdate(t, event.id(), target.participantId())
                    .orElseThrow(() -> notFound(target.participantId()));
            Access.Grant grant = Access.requireAdminOrOwner(target.token(),
                    EventRepository.adminToken(t, event.id(), locked.adminTokenHash()),
                    EventRepository.editToken(t, stored.seq(), stored.editTokenHash()),
                    hash -> events.hasParticipantToken(t, event.id(), hash));
            errors.throwIfAny();
            if (permission == Permission.ADMIN && grant != Access.Grant.ADMIN) {
                throw Access.forbidden("only the event's admin token may change required");
            }
            requireOpen(event, now);
            target.ifMatch().require(stored.participant().version(), "participant");
            Edited result = edit.apply(t, locked, stored, now);
            EventRepository.Usage before = usage(stored.participant());
            EventRepository.Usage after = result == null ? new EventRepository.Usage(0, 0) : usage(result.participant());
            EventRepository.Usage delta = new EventRepository.Usage(after.windows() - before.windows(),
                    after.nameBytes() - before.nameBytes());
            requireRoom(event, locked.usage(), delta);
            events.bumpVersion(t, event.id(), now, delta);
            letters.checkEveryoneAnswered(t, event, locked.organizer(), now);
            if (result == null) {
                return null;
            }
            return new Seen(result.participant(), grant == Access.Grant.OWNER && mailer.isOn()
                    ? Optional.of(result.email()) : Optional.empty());
        });
    }

    /**
     * A weekly poll's answer as written, or null on a dates poll; the field that does not fit
     * the poll's kind is recorded as an error.
     */
    private static List<WeeklyAvailability> weeklyAnswer(Event event, ParticipantCommands.Answer answer, Errors errors) {
        if (event.weekly() == null) {
            answer.weekly().ifPresent(w -> errors.add("weeklyAvailability", "is only for a weekly poll: send availability"));
            return null;
        }
        if (answer.availabilitySent()) {
            errors.add("availability", "a weekly poll takes weeklyAvailability (day, start and end in your zone)");
        }
        return answer.weekly().orElse(List.of()).stream().filter(i -> i.window() != null)
                .map(i -> new WeeklyAvailability(i.window(), i.preference())).toList();
    }

    /** A weekly answer written in {@code zone} as UTC windows of the poll's first week. */
    static List<AvailabilityWindow> instants(Event event, List<WeeklyAvailability> weekly, ZoneId zone) {
        FirstWeek week = event.firstWeek();
        List<AvailabilityWindow> windows = new ArrayList<>();
        for (WeeklyAvailability w : weekly) {
            for (TimeWindow piece : week.convert(w.window(), zone)) {
                windows.add(new AvailabilityWindow(piece, w.preference()));
            }
        }
        return windows;
    }

    /** The items' windows in {@code zone}; unreadable or unresolvable ones are recorded and left out. */
    private static List<AvailabilityWindow> resolve(List<ParticipantCommands.AvailabilityItem> items,
            Optional<ZoneId> zone, Errors errors) {
        List<AvailabilityWindow> windows = new ArrayList<>(items.size());
        for (ParticipantCommands.AvailabilityItem item : items) {
            TimeWindow window = item.window() == null ? null : item.window().resolve(zone, errors);
            if (window != null) {
                windows.add(new AvailabilityWindow(window, item.preference()));
            }
        }
        return windows;
    }

    private static EventRepository.Usage usage(Participant p) {
        return new EventRepository.Usage(p.availability().size(), p.name().getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * 409 if {@code delta} would take the event past a limit. Only growth is checked, so a
     * change that shrinks what a participant holds is always accepted. The usage comes from
     * the event row, which this transaction has locked and read once.
     */
    private static void requireRoom(Event event, EventRepository.Usage held, EventRepository.Usage delta) {
        if (delta.windows() <= 0 && delta.nameBytes() <= 0) {
            return;
        }
        if (delta.windows() > 0 && held.windows() + delta.windows() > WINDOWS_PER_EVENT_MAX) {
            throw new ProblemException(ProblemType.EVENT_FULL, "event " + event.id() + " holds " + held.windows()
                    + " availability windows; " + delta.windows() + " more would pass the " + WINDOWS_PER_EVENT_MAX
                    + " one event may hold");
        }
        if (delta.nameBytes() > 0 && held.nameBytes() + delta.nameBytes() > NAME_BYTES_PER_EVENT_MAX) {
            throw new ProblemException(ProblemType.EVENT_FULL, "the names of event " + event.id() + "'s participants take "
                    + held.nameBytes() + " bytes; this name would pass the " + NAME_BYTES_PER_EVENT_MAX
                    + " one event may hold");
        }
    }

    private EventRepository.Locked lockEvent(DSLContext t, String eventId) {
        return events.lock(t, eventId).orElseThrow(() -> eventNotFound(eventId));
    }

    private static void requireOpen(Event event, Instant now) {
        if (!event.acceptsAnswers(now)) {
            String why = event.status() == EventStatus.FINAL ? "its meeting time is final"
                    : event.deadline() != null && !now.isBefore(event.deadline())
                    ? "its deadline " + Times.utc(event.deadline()) + " has passed"
                    : "it is closed";
            throw new ProblemException(ProblemType.EVENT_CLOSED, "event " + event.id() + " accepts no answers: " + why);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static ProblemException eventNotFound(String id) {
        return EventService.notFound(id);
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no participant with id " + Text.shownId(id) + " in this event");
    }
}
