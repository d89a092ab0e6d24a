package io.slotpoll.http;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Collects every invalid field of a request so one answer can name them all. */
public final class Errors {

    private static final int DETAIL_MAX_ERRORS = 5;

    private final List<FieldError> list = new ArrayList<>();

    public void add(String field, String message) {
        list.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public boolean has(String fieldPrefix) {
        return list.stream().anyMatch(e -> e.field().equals(fieldPrefix)
                || e.field().startsWith(fieldPrefix + ".") || e.field().startsWith(fieldPrefix + "["));
    }

    /** Throws a 400 naming every collected field, if there is any. */
    public void throwIfAny() {
        if (list.isEmpty()) {
            return;
        }
        String detail = list.stream().limit(DETAIL_MAX_ERRORS)
                .map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
        if (list.size() > DETAIL_MAX_ERRORS) {
            detail += "; and " + (list.size() - DETAIL_MAX_ERRORS) + " more";
        }
        throw new ApiException(ProblemType.VALIDATION, detail, list);
    }
}
