package io.slotpoll.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects every invalid field of a request so one answer can name them all, and a body
 * that could not be read at all (415, 413, malformed JSON). Handlers collect; the write's
 * transaction throws them in their turn ({@link #throwIfAny}), after the 404 and the 401/403
 * checks, so the order of answers does not depend on where a check happens to run.
 */
public final class Errors {

    private static final int DETAIL_MAX_ERRORS = 5;
    /** The most field errors one answer lists (a 1 MiB body could otherwise earn a 100 MB answer). */
    static final int LISTED_MAX_ERRORS = 1000;

    private final List<FieldError> list = new ArrayList<>();
    private ProblemException unreadable;

    /** The body could not be read; {@link #throwIfAny} throws this before any field error. */
    public void unreadable(ProblemException why) {
        if (unreadable == null) {
            unreadable = why;
        }
    }

    public void add(String field, String message) {
        list.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return list.isEmpty() && unreadable == null;
    }

    public boolean has(String fieldPrefix) {
        return list.stream().anyMatch(e -> e.field().equals(fieldPrefix)
                || e.field().startsWith(fieldPrefix + ".") || e.field().startsWith(fieldPrefix + "["));
    }

    /** Throws the unreadable body's answer, else a 400 naming every collected field, if there is any. */
    public void throwIfAny() {
        if (unreadable != null) {
            throw unreadable;
        }
        if (list.isEmpty()) {
            return;
        }
        List<FieldError> ordered = inBodyOrder();
        String detail = ordered.stream().limit(DETAIL_MAX_ERRORS)
                .map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
        if (list.size() > DETAIL_MAX_ERRORS) {
            detail += "; and " + (list.size() - DETAIL_MAX_ERRORS) + " more";
        }
        if (ordered.size() > LISTED_MAX_ERRORS) {
            detail += " (the first " + LISTED_MAX_ERRORS + " are listed)";
            ordered = ordered.subList(0, LISTED_MAX_ERRORS);
        }
        throw new ProblemException(ProblemType.VALIDATION, detail, List.copyOf(ordered));
    }

    /**
     * The errors in the order of the body: top-level fields in the order their first error
     * was found, and the items of an array by index. (Handlers find format errors and
     * services find errors of resolved times at different moments; the answer lists them
     * as a reader of the body meets them.) The sort is stable: errors of one item keep the
     * order they were found in.
     */
    private List<FieldError> inBodyOrder() {
        Map<String, Integer> firstSeen = new HashMap<>();
        for (FieldError e : list) {
            firstSeen.putIfAbsent(topLevel(e.field()), firstSeen.size());
        }
        List<FieldError> ordered = new ArrayList<>(list);
        ordered.sort(Comparator.<FieldError>comparingInt(e -> firstSeen.get(topLevel(e.field())))
                .thenComparingInt(e -> index(e.field())));
        return ordered;
    }

    private static String topLevel(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '.' || field.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return field.substring(0, end);
    }

    /** The first array index in {@code field} ({@code availability[12].end} is 12), or -1. */
    private static int index(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']', open + 1);
        if (open < 0 || close < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(field.substring(open + 1, close));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
