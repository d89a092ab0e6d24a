package io.slotpoll.problem;

/** One invalid field, named by a JSON-pointer-like path such as {@code availability[3].end}. */
public record FieldError(String field, String message) {
}
