package io.slotpoll.text;

import java.util.Objects;

/**
 * What text a person may send. A label (a name, a title: one line that others read and
 * compare) is trimmed of Unicode whitespace at both ends (NBSP and the other space
 * separators too, not only ASCII), may not hold control or format characters (NUL, ANSI
 * escapes, newlines, zero-width spaces, BOMs, bidi overrides such as
 * {@code abc\u202Egpj.exe}), unassigned code points or line separators, and must show at
 * least one visible character. Free text (a description) may hold tabs and line feeds
 * (U+000A), but no other C0 or C1 control character (a carriage return too: a lone CR
 * ends a line in some readers of generated files, see {@code ControlCharactersTest}) and
 * no bidi control.
 *
 * <p>Rows stored before these rules may still hold any of them, so every writer of a
 * generated file passes stored text through {@link #printableLine} or {@link #printableText}
 * first: what it writes holds no control character whatever the database holds.
 */
public final class Text {

    private Text() {
    }

    private static final int SHORT_MAX = 200;

    /** Text fit to quote in a message: one line, at most 200 characters. */
    public static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= SHORT_MAX ? oneLine : oneLine.substring(0, SHORT_MAX) + "...";
    }

    private static final int ID_SHOWN_MAX = 40;

    /** An id fit to quote in a message: a client may send anything as an id, so at most 40 characters. */
    public static String shownId(String id) {
        return id.length() <= ID_SHOWN_MAX ? id : id.substring(0, ID_SHOWN_MAX) + "...";
    }

    /** {@code text} without leading and trailing whitespace, by any Unicode definition of it. */
    public static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Why a trimmed label is refused, or null if it is fine. */
    public static String labelProblem(String label) {
        String why = firstForbidden(label, false);
        if (why != null) {
            return why;
        }
        return label.codePoints().anyMatch(c -> !isSpace(c) && !isMark(c)) ? null : "must contain a visible character";
    }

    /** Why free text is refused, or null if it is fine. */
    public static String freeTextProblem(String text) {
        return firstForbidden(text, true);
    }

    private static String firstForbidden(String text, boolean lineBreaksAllowed) {
        return text.codePoints().mapToObj(c -> forbidden(c, lineBreaksAllowed)).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static String forbidden(int c, boolean lineBreaksAllowed) {
        if (lineBreaksAllowed && (c == '\t' || c == '\n')) {
            return null;
        }
        if (lineBreaksAllowed && c == '\r') {
            return "must not contain carriage returns (U+000D); a line break is \\n alone";
        }
        if (isBidiControl(c)) {
            return "must not contain bidirectional control characters (" + codePoint(c) + ")";
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "must not contain control characters (" + codePoint(c) + ")";
            case Character.FORMAT -> lineBreaksAllowed ? null
                    : "must not contain invisible format characters (" + codePoint(c) + ")";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> lineBreaksAllowed ? null
                    : "must be a single line (" + codePoint(c) + ")";
            case Character.UNASSIGNED -> "must not contain unassigned code points (" + codePoint(c) + ")";
            default -> null;
        };
    }

    /**
     * Stored one-line text (a title, a name) fit for a generated file: every line break
     * (CR, LF, NEL, U+2028, U+2029) and tab becomes a space, every other C0/C1 control
     * character is left out.
     */
    public static String printableLine(String text) {
        return printable(text, ' ');
    }

    /**
     * Stored free text (a description) fit for a generated file: CRLF, a lone CR, NEL,
     * U+2028 and U+2029 become LF (which each format writes its own way: {@code \n} in
     * iCalendar text), a tab a space, every other C0/C1 control character is left out.
     */
    public static String printableText(String text) {
        return printable(text.replace("\r\n", "\n"), '\n');
    }

    private static String printable(String text, char lineBreak) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029) {
                out.append(lineBreak);
            } else if (c == '\t') {
                out.append(' ');
            } else if (Character.getType(c) != Character.CONTROL) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static String codePoint(int c) {
        return String.format(java.util.Locale.ROOT, "U+%04X", c);
    }
}
