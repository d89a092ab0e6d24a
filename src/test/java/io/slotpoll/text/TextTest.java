package io.slotpoll.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void trims_every_kind_of_unicode_space_but_not_format_characters() {
        assertThat(Text.trim("\u00a0\u3000 Ana\u2003\t\n")).isEqualTo("Ana");
        assertThat(Text.trim("\u202fAna Mar\u00eda\u2007")).isEqualTo("Ana Mar\u00eda");
        assertThat(Text.trim("\u200bAna")).isEqualTo("\u200bAna");
        assertThat(Text.trim("\ufeffAna")).isEqualTo("\ufeffAna");
        assertThat(Text.trim(" \u00a0 ")).isEmpty();
    }

    @Test
    void labels_refuse_invisible_control_and_bidi_characters_naming_the_code_point() {
        assertThat(Text.labelProblem("Ana Mar\u00eda")).isNull();
        assertThat(Text.labelProblem("\uD83D\uDE00")).isNull();
        assertThat(Text.labelProblem("\u200bBob")).isEqualTo("must not contain invisible format characters (U+200B)");
        assertThat(Text.labelProblem("\ufeffBob")).isEqualTo("must not contain invisible format characters (U+FEFF)");
        assertThat(Text.labelProblem("Bo\u0000b")).isEqualTo("must not contain control characters (U+0000)");
        assertThat(Text.labelProblem("\u001b[31m")).isEqualTo("must not contain control characters (U+001B)");
        assertThat(Text.labelProblem("abc\u202egpj.exe"))
                .isEqualTo("must not contain bidirectional control characters (U+202E)");
        assertThat(Text.labelProblem("a\u2028b")).isEqualTo("must be a single line (U+2028)");
        assertThat(Text.labelProblem("a\u0378")).isEqualTo("must not contain unassigned code points (U+0378)");
        assertThat(Text.labelProblem("\u0301\u0301")).isEqualTo("must contain a visible character");
    }

    @Test
    void free_text_allows_line_feeds_and_tabs_but_no_other_controls() {
        assertThat(Text.freeTextProblem("Agenda:\n\t1. budget\n2. \u00a0plan\u00ad")).isNull();
        assertThat(Text.freeTextProblem("1. budget\r\n2. plan"))
                .isEqualTo("must not contain carriage returns (U+000D); a line break is \\n alone");
        assertThat(Text.freeTextProblem("x\rEND:VEVENT")).startsWith("must not contain carriage returns (U+000D)");
        assertThat(Text.freeTextProblem("a\u0085b")).isEqualTo("must not contain control characters (U+0085)");
        assertThat(Text.freeTextProblem("a\u0007b")).isEqualTo("must not contain control characters (U+0007)");
        assertThat(Text.freeTextProblem("a\u2066b")).isEqualTo("must not contain bidirectional control characters (U+2066)");
    }

    @Test
    void stored_text_is_made_printable_for_generated_files() {
        assertThat(Text.printableLine("a\r\nb\tc\u0000d\u009be\u2028f\u0085g")).isEqualTo("a  b cde f g");
        assertThat(Text.printableText("a\r\nb\rc\nd\te\u0000f\u007fg\u2029h\u0085i"))
                .isEqualTo("a\nb\nc\nd efg\nh\ni");
        assertThat(Text.printableText("ü 日本 🙂")).isEqualTo("ü 日本 🙂");
    }
}
