package io.slotpoll.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.problem.Errors;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    private static String check(String text) {
        Errors errors = new Errors();
        String value = EmailAddress.check(text, "email", errors);
        return errors.isEmpty() ? value : null;
    }

    @Test
    void accepts_dot_atoms_up_to_the_rfc_5321_limits_and_lowers_the_domain() {
        assertThat(check("ana@example.com")).isEqualTo("ana@example.com");
        assertThat(check("Ana.B+polls@Example.CO.uk")).isEqualTo("ana.b+polls@example.co.uk");
        assertThat(check("o'brien@xn--mnchen-3ya.de")).isEqualTo("o'brien@xn--mnchen-3ya.de");
        assertThat(check("ana@münchen.de")).isEqualTo("ana@münchen.de");
        String local64 = "a".repeat(64);
        assertThat(check(local64 + "@example.com")).isEqualTo(local64 + "@example.com");
        String long254 = "a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(60);
        assertThat(long254).hasSize(254);
        assertThat(check(long254)).isEqualTo(long254);
    }

    @Test
    void refuses_what_is_not_an_address() {
        for (String bad : new String[] {"", "ana", "ana@", "@example.com", "ana@@example.com", "a@b@example.com",
                "ana@localhost", "ana@example..com", "ana@-example.com", "ana@example-.com", ".ana@example.com",
                "ana.@example.com", "an..a@example.com", "\"ana\"@example.com", "ana b@example.com", "ana@exa mple.com",
                "a".repeat(65) + "@example.com", "a@" + "b".repeat(64) + ".com",
                "a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(61)}) {
            assertThat(check(bad)).as(bad).isNull();
        }
        Errors errors = new Errors();
        EmailAddress.check("ana", "organizerEmail", errors);
        assertThat(errors.isEmpty()).isFalse();
    }
}
