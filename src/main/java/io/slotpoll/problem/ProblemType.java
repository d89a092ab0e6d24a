package io.slotpoll.problem;

/** The closed set of problems the API answers with; each has one status and one type URI. */
public enum ProblemType {
    VALIDATION(400, "validation-error", "Invalid request"),
    MALFORMED(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Missing or invalid token"),
    FORBIDDEN(403, "forbidden", "Token does not cover this resource"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    EVENT_CLOSED(409, "event-closed", "Event is not accepting answers"),
    NAME_TAKEN(409, "name-taken", "Name already taken"),
    EVENT_FULL(409, "event-full", "Event has reached its participant limit"),
    EVENT_FINAL(409, "event-final", "Event is final"),
    NOT_FINAL(409, "not-final", "Event is not final"),
    PRECONDITION_FAILED(412, "precondition-failed", "Version does not match"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    URI_TOO_LONG(414, "uri-too-long", "Request URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    EMAIL_OFF(422, "email-off", "Email is turned off"),
    CODE_EXPIRED(410, "code-expired", "Code is wrong or expired"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused with a different request"),
    CALENDAR_INVALID(422, "calendar-invalid", "Calendar cannot be read"),
    CALENDAR_UNREACHABLE(422, "calendar-unreachable", "Calendar feed cannot be fetched"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
    INTERNAL(500, "internal-error", "Internal server error"),
    UNAVAILABLE(503, "service-unavailable", "Service unavailable");

    /** The problem for a status that arises outside the API's own handlers (the HTTP server, the router). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION && type != EVENT_CLOSED && type != NAME_TAKEN
                    && type != EVENT_FULL && type != EVENT_FINAL && type != NOT_FINAL) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED;
    }

    /** Problem type URIs are stable identifiers documented in docs/api.md. */
    public static final String TYPE_BASE = "https://slotpoll.io/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }
}
