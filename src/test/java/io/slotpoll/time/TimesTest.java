package io.slotpoll.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final Optional<ZoneId> NEW_YORK = Optional.of(ZoneId.of("America/New_York"));

    private static Instant ok(String text, Optional<ZoneId> zone) {
        TimeBound.Resolved parsed = TimeBound.parse(text, zone);
        assertThat(parsed).isInstanceOf(TimeBound.Ok.class);
        return ((TimeBound.Ok) parsed).instant();
    }

    private static String invalid(String text, Optional<ZoneId> zone) {
        TimeBound.Resolved parsed = TimeBound.parse(text, zone);
        assertThat(parsed).isInstanceOf(TimeBound.Invalid.class);
        return ((TimeBound.Invalid) parsed).message();
    }

    @Test
    void reads_offsets_and_z_ignoring_the_zone() {
        assertThat(ok("2025-01-12T14:00:00-05:00", Optional.empty())).isEqualTo(Instant.parse("2025-01-12T19:00:00Z"));
        assertThat(ok("2025-01-12T14:00Z", NEW_YORK)).isEqualTo(Instant.parse("2025-01-12T14:00:00Z"));
        assertThat(ok("2025-01-12t14:00:00z", NEW_YORK)).isEqualTo(Instant.parse("2025-01-12T14:00:00Z"));
        assertThat(ok("2025-01-12T14:00:00.000+05:45", NEW_YORK)).isEqualTo(Instant.parse("2025-01-12T08:15:00Z"));
    }

    @Test
    void reads_local_times_in_the_zone() {
        assertThat(ok("2025-01-12T14:00", NEW_YORK)).isEqualTo(Instant.parse("2025-01-12T19:00:00Z"));
        assertThat(ok("2025-07-12T14:00:00", NEW_YORK)).isEqualTo(Instant.parse("2025-07-12T18:00:00Z"));
    }

    @Test
    void a_local_time_without_a_zone_waits_for_the_zone_error() {
        assertThat(TimeBound.parse("2025-01-12T14:00", Optional.empty())).isInstanceOf(TimeBound.NeedsZone.class);
    }

    @Test
    void rejects_local_times_inside_a_dst_gap() {
        assertThat(invalid("2025-03-09T02:00", NEW_YORK)).isEqualTo(
                "2025-03-09T02:00 does not exist in America/New_York (the clocks skip it at a daylight-saving change)");
        assertThat(ok("2025-03-09T03:00", NEW_YORK)).isEqualTo(Instant.parse("2025-03-09T07:00:00Z"));
        // Lord Howe moves its clocks by 30 minutes: 02:00-02:30 does not exist on 2025-10-05.
        Optional<ZoneId> lordHowe = Optional.of(ZoneId.of("Australia/Lord_Howe"));
        assertThat(invalid("2025-10-05T02:15", lordHowe)).contains("does not exist in Australia/Lord_Howe");
        assertThat(ok("2025-10-05T02:30", lordHowe)).isEqualTo(Instant.parse("2025-10-04T15:30:00Z"));
    }

    @Test
    void takes_the_earlier_offset_in_a_dst_overlap() {
        assertThat(ok("2025-11-02T01:30", NEW_YORK)).isEqualTo(Instant.parse("2025-11-02T05:30:00Z"));
        // Lord Howe repeats 01:30-02:00 on 2025-04-06: first at +11:00.
        assertThat(ok("2025-04-06T01:45", Optional.of(ZoneId.of("Australia/Lord_Howe"))))
                .isEqualTo(Instant.parse("2025-04-05T14:45:00Z"));
    }

    @Test
    void requires_whole_minutes_and_real_dates() {
        assertThat(invalid("2025-01-12T14:00:30Z", NEW_YORK)).startsWith("must be on a whole minute");
        assertThat(invalid("2025-01-12T14:00:00.5", NEW_YORK)).startsWith("must be on a whole minute");
        assertThat(invalid("2025-02-29T10:00", NEW_YORK)).startsWith("must be an RFC 3339 date-time");
        assertThat(invalid("2025-01-12 14:00", NEW_YORK)).startsWith("must be an RFC 3339 date-time");
        assertThat(invalid("2025-01-12T14:00+5", NEW_YORK)).startsWith("must be an RFC 3339 date-time");
        assertThat(invalid("tomorrow", NEW_YORK)).startsWith("must be an RFC 3339 date-time");
    }

    @Test
    void bounds_the_range() {
        assertThat(invalid("1969-12-31T23:59:00Z", NEW_YORK)).startsWith("must be between 1970-01-01T00:00:00Z");
        assertThat(invalid("9999-06-01T00:00:00Z", NEW_YORK)).startsWith("must be between");
        assertThat(invalid("+10000-01-01T00:00:00Z", NEW_YORK)).startsWith("must be");
    }

    @Test
    void writes_utc_and_local_twins() {
        Instant t = Instant.parse("2025-01-14T23:00:00Z");
        assertThat(Times.utc(t)).isEqualTo("2025-01-14T23:00:00Z");
        assertThat(Times.local(t, ZoneId.of("Asia/Tokyo"))).isEqualTo("2025-01-15T08:00:00+09:00");
        assertThat(Times.local(t, ZoneId.of("Asia/Kathmandu"))).isEqualTo("2025-01-15T04:45:00+05:45");
        assertThat(Times.local(t, ZoneId.of("UTC"))).isEqualTo("2025-01-14T23:00:00+00:00");
        assertThat(Times.local(t, ZoneId.of("America/St_Johns"))).isEqualTo("2025-01-14T19:30:00-03:30");
    }

    @Test
    void knows_iana_names_only() {
        assertThat(Zones.parse("Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(Zones.parse("UTC")).contains(ZoneId.of("UTC"));
        assertThat(Zones.parse("+05:00")).isEmpty();
        assertThat(Zones.parse("Z")).isEmpty();
        assertThat(Zones.parse("europe/berlin")).isEmpty();
        assertThat(Zones.parse("Mars/Olympus")).isEmpty();
    }
}
