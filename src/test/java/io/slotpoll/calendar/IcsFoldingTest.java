package io.slotpoll.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * RFC 5545 3.1: content lines of at most 75 octets (not characters), folded between UTF-8
 * sequences, never inside one. Before the fix ical4j counted UTF-16 chars and a title of
 * accented letters gave lines of up to 149 octets.
 */
class IcsFoldingTest {

    private static final Instant START = Instant.parse("2027-05-03T07:00:00Z");

    private static String file(String title, String description) {
        return IcsWriter.write(new FinalMeeting("AbCdEfGhIjKlMnOpQrStUv", title, description, START,
                START.plusSeconds(3600), 0, "https://slotpoll.example/e/AbCdEfGhIjKlMnOpQrStUv"), START);
    }

    @Test
    void multi_byte_titles_and_descriptions_fold_at_75_octets_and_read_back_whole() throws Exception {
        List<String> texts = List.of("ü".repeat(150), "é€".repeat(70), "日本語の会議".repeat(30), "🙂".repeat(60),
                "a" + "é".repeat(100), "ab" + "🙂€".repeat(40), "e\u0301".repeat(80));
        for (String text : texts) {
            String ics = file(text, text + "\n" + text);
            for (String line : ics.split("\r\n", -1)) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
                assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(line);
                assertThat(line).doesNotContain("\uFFFD");
            }
            VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").getFirst();
            assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(text);
            assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                    .isEqualTo(text + "\n" + text + "\n\nhttps://slotpoll.example/e/AbCdEfGhIjKlMnOpQrStUv");
        }
    }

    @Test
    void a_line_of_exactly_75_octets_stays_whole_and_the_76th_octet_folds() {
        String seventyFive = "SUMMARY:" + "x".repeat(67);
        assertThat(IcsWriter.fold(seventyFive + "\r\n")).isEqualTo(seventyFive + "\r\n");
        assertThat(IcsWriter.fold(seventyFive + "y\r\n")).isEqualTo(seventyFive + "\r\n y\r\n");
        // a two-octet letter that would end at octet 76 moves whole to the next line
        String seventyFour = "SUMMARY:" + "x".repeat(66);
        assertThat(IcsWriter.fold(seventyFour + "éz\r\n")).isEqualTo(seventyFour + "\r\n éz\r\n");
        // continuation lines hold 74 octets after their space
        String longLine = "D:" + "x".repeat(73 + 74 + 10);
        assertThat(IcsWriter.fold(longLine + "\r\n")).isEqualTo("D:" + "x".repeat(73) + "\r\n " + "x".repeat(74)
                + "\r\n " + "x".repeat(10) + "\r\n");
    }
}
