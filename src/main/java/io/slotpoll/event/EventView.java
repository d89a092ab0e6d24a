package io.slotpoll.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.slotpoll.calendar.CalendarLinks;
import io.slotpoll.calendar.FinalMeeting;
import io.slotpoll.time.DailyHours;
import io.slotpoll.time.TimeWindow;
import io.slotpoll.time.WeeklyWindow;
import io.slotpoll.time.Times;
import java.util.List;

/**
 * The public representation of an event; every instant in UTC. {@code final} is the picked
 * meeting time ({@code null} unless the status is {@code final}); a final event also
 * carries {@code links} to its calendar file and to Google's and Outlook's "add event". A
 * weekly poll adds {@code kind}, {@code weeklyWindows} (as the organiser wrote them) and
 * {@code firstWeek}; its {@code proposedWindows} are those windows in UTC in the first week.
 */
public record EventView(
        String id,
        String title,
        String description,
        int durationMinutes,
        int slotStepMinutes,
        String timezone,
        List<WindowView> proposedWindows,
        String deadline,
        HoursView localHours,
        String status,
        @JsonProperty("final") WindowView finalSlot,
        int participantCount,
        long version,
        String createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) FinalLinks links,
        @JsonInclude(JsonInclude.Include.NON_NULL) String kind,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<WeeklyView> weeklyWindows,
        @JsonInclude(JsonInclude.Include.NON_NULL) String firstWeek) {

    /** A weekly window as written: {@code {"day": "MON", "start": "HH:MM", "end": "HH:MM"}}. */
    public record WeeklyView(String day, String start, String end) {
        public static WeeklyView of(WeeklyWindow w) {
            return new WeeklyView(w.dayName(), w.start(), w.end());
        }
    }

    public record WindowView(String start, String end) {
        static WindowView of(TimeWindow window) {
            return new WindowView(Times.utc(window.start()), Times.utc(window.end()));
        }
    }

    /** {@code {"start": "HH:MM", "end": "HH:MM"}}; the end may be "24:00". */
    public record HoursView(String start, String end) {
        public static HoursView of(DailyHours hours) {
            return hours == null ? null : new HoursView(hours.start(), hours.end());
        }
    }

    public record FinalLinks(String calendar, String googleCalendar, String outlookCalendar) {
    }

    public static EventView of(Event event, EventLinks links) {
        FinalLinks finalLinks = null;
        if (event.finalSlot() != null) {
            FinalMeeting meeting = links.meeting(event);
            finalLinks = new FinalLinks(links.calendar(event.id()), CalendarLinks.google(meeting),
                    CalendarLinks.outlook(meeting));
        }
        return new EventView(event.id(), event.title(), event.description(), event.durationMinutes(),
                event.slotStepMinutes(), event.timezone().getId(),
                event.proposedWindows().stream().map(WindowView::of).toList(),
                event.deadline() == null ? null : Times.utc(event.deadline()), HoursView.of(event.localHours()),
                event.status().wire(), event.finalSlot() == null ? null : WindowView.of(event.finalSlot()),
                event.participantCount(), event.version(), Times.utc(event.createdAt()), finalLinks,
                event.weekly() == null ? null : "weekly",
                event.weekly() == null ? null : event.weekly().windows().stream().map(WeeklyView::of).toList(),
                event.weekly() == null ? null : event.weekly().firstWeekDate().toString());
    }
}
