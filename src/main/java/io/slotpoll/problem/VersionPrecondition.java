package io.slotpoll.problem;

import java.util.Set;

/**
 * What a writer asked of the version it writes over (HTTP's {@code If-Match}, read at the
 * edge): nothing, any version, or one of some versions. It is checked inside the write's
 * transaction against the row it locked, in its turn among the write's checks, so even a
 * malformed condition is answered (400) only after the 404, 401/403 and 409 that come first.
 */
public final class VersionPrecondition {

    private static final VersionPrecondition NONE = new VersionPrecondition(null, true, Set.of(), null);

    private final String shown;
    private final boolean any;
    private final Set<Long> versions;
    private final ProblemException malformed;

    private VersionPrecondition(String shown, boolean any, Set<Long> versions, ProblemException malformed) {
        this.shown = shown;
        this.any = any;
        this.versions = Set.copyOf(versions);
        this.malformed = malformed;
    }

    /** No condition: every version passes. */
    public static VersionPrecondition none() {
        return NONE;
    }

    /** Any current version passes ({@code If-Match: *}); {@code shown} is the condition as the client wrote it. */
    public static VersionPrecondition any(String shown) {
        return new VersionPrecondition(shown, true, Set.of(), null);
    }

    /** Only one of {@code versions} passes. */
    public static VersionPrecondition oneOf(String shown, Set<Long> versions) {
        return new VersionPrecondition(shown, false, versions, null);
    }

    /** A condition that could not be read: checking it throws {@code why}. */
    public static VersionPrecondition malformed(ProblemException why) {
        return new VersionPrecondition(null, false, Set.of(), why);
    }

    /** Throws 412 unless {@code current} passes (or the condition's own 400 if it was malformed). */
    public void require(long current, String what) {
        if (malformed != null) {
            throw malformed;
        }
        if (any || versions.contains(current)) {
            return;
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match " + shown.strip()
                + " does not match the " + what + "'s current version \"" + current + "\"");
    }
}
