package io.slotpoll.http;

/** Whether a request field must be given: a missing required field is an error naming it. */
public enum Presence {
    REQUIRED,
    OPTIONAL;

    boolean required() {
        return this == REQUIRED;
    }
}
