package io.slotpoll.calendar;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * "Add to calendar" links for the final meeting: Google Calendar's event template and
 * Outlook's compose deep link, each with the title, the UTC start and end, and the
 * participate link as the event's details. Values are percent-encoded (spaces as %20). A
 * weekly meeting's Google link adds {@code ctz} (the event's zone, whose local time it keeps)
 * and {@code recur=RRULE:FREQ=WEEKLY}; Outlook's compose link has no recurrence parameter,
 * so it adds the first occurrence and says "every week" in the body.
 */
public final class CalendarLinks {

    private static final DateTimeFormatter GOOGLE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OUTLOOK_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CalendarLinks() {
    }

    public static String google(FinalMeeting m) {
        return "https://calendar.google.com/calendar/render?action=TEMPLATE"
                + "&text=" + encode(m.title())
                + "&dates=" + GOOGLE_TIME.format(m.start()) + "/" + GOOGLE_TIME.format(m.end())
                + (m.weekly() ? "&ctz=" + encode(m.weeklyIn().getId()) + "&recur=" + encode("RRULE:FREQ=WEEKLY") : "")
                + "&details=" + encode(m.participateUrl());
    }

    public static String outlook(FinalMeeting m) {
        return "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
                + "&subject=" + encode(m.title())
                + "&startdt=" + OUTLOOK_TIME.format(m.start())
                + "&enddt=" + OUTLOOK_TIME.format(m.end())
                + "&body=" + encode((m.weekly() ? "Every week at this time (" + m.weeklyIn().getId() + "). " : "")
                + m.participateUrl());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
