package io.slotpoll.mail;

import io.slotpoll.problem.Errors;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an email address must be (RFC 5321 limits, RFC 5322 dot-atoms): at most 254
 * characters, one {@code @}, a local part of at most 64 characters of letters, digits and
 * {@code !#$%&'*+/=?^_`{|}~-} in dot-separated atoms (no quoted local parts, which no peer
 * accepts either), and a domain of at least two labels of at most 63 characters each
 * (letters, digits and inner hyphens after IDNA; a non-ASCII domain is accepted and kept as
 * written). An address is kept in lower case, so one person's address matches itself however
 * it was typed (no mail system in use treats local parts by case, though RFC 5321 allows it).
 */
public final class EmailAddress {

    public static final int MAX_CHARS = 254;
    static final int LOCAL_MAX = 64;

    private static final Pattern ATOMS = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private EmailAddress() {
    }

    /** The address in lower case, or null with the reason recorded under {@code field}. */
    public static String check(String text, String field, Errors errors) {
        String problem = problem(text);
        if (problem != null) {
            errors.add(field, "must be an email address such as ana@example.com: " + problem);
            return null;
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code text} is an address {@link #check} accepts. */
    public static boolean isValid(String text) {
        return problem(text) == null;
    }

    private static String problem(String text) {
        if (text.length() > MAX_CHARS) {
            return "at most " + MAX_CHARS + " characters (was " + text.length() + ")";
        }
        int at = text.indexOf('@');
        if (at < 0 || at != text.lastIndexOf('@')) {
            return "exactly one @";
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.isEmpty() || local.length() > LOCAL_MAX || !ATOMS.matcher(local).matches()) {
            return "the part before @ has 1 to " + LOCAL_MAX + " letters, digits or !#$%&'*+/=?^_`{|}~- in dot-separated runs";
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "the domain is not a valid host name";
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) {
            return "the domain has at least two dot-separated labels";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "each domain label has 1 to 63 letters, digits or inner hyphens";
            }
        }
        return null;
    }
}
