package io.slotpoll.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a TZID that the file does not define itself is understood. */
class CalendarReaderTest {

    @Test
    void zone_names_are_read_as_iana_then_as_windows_names() {
        assertThat(CalendarReader.ianaOrWindows("Europe/Berlin")).hasValue("Europe/Berlin");
        assertThat(CalendarReader.ianaOrWindows("UTC")).hasValue("UTC");
        assertThat(CalendarReader.ianaOrWindows("America/Argentina/Buenos_Aires")).hasValue("America/Argentina/Buenos_Aires");
        assertThat(CalendarReader.ianaOrWindows("/mozilla.org/20050126_1/Europe/Berlin")).hasValue("Europe/Berlin");
        assertThat(CalendarReader.ianaOrWindows("/citadel.org/20190914_1/America/New_York")).hasValue("America/New_York");
        assertThat(CalendarReader.ianaOrWindows("W. Europe Standard Time")).hasValue("Europe/Berlin");
        assertThat(CalendarReader.ianaOrWindows("Nepal Standard Time")).hasValue("Asia/Katmandu");
        assertThat(CalendarReader.ianaOrWindows("India Standard Time")).hasValue("Asia/Calcutta");
        assertThat(CalendarReader.ianaOrWindows("Pacific Standard Time")).hasValue("America/Los_Angeles");
        assertThat(CalendarReader.ianaOrWindows("Mars/Olympus")).isEmpty();
        assertThat(CalendarReader.ianaOrWindows("(UTC+01:00) Amsterdam, Berlin")).isEmpty();
        assertThat(CalendarReader.ianaOrWindows("/")).isEmpty();
        assertThat(CalendarReader.ianaOrWindows("")).isEmpty();
    }
}
