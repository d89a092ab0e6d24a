package io.slotpoll.http;

import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.VersionPrecondition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entity tags (RFC 9110 section 8.8.3) for ETag, If-Match and If-None-Match. */
public final class EntityTags {

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7E]*)\"\\s*(,|$)");

    private EntityTags() {
    }

    public static String strong(String opaque) {
        return "\"" + opaque + "\"";
    }

    /** A weak tag ({@code W/"x"}): the representation is equivalent, not byte for byte the same. */
    public static String weak(String opaque) {
        return "W/" + strong(opaque);
    }

    /** If-None-Match uses weak comparison: {@code W/"x"} matches {@code "x"}. Null header never matches. */
    public static boolean noneMatchHits(String header, String etag) {
        if (header == null) {
            return false;
        }
        if (header.trim().equals("*")) {
            return true;
        }
        String quoted = etag.startsWith("W/") ? etag.substring(2) : etag;
        String opaque = quoted.substring(1, quoted.length() - 1);
        for (Tag tag : parse(header, "If-None-Match")) {
            if (tag.opaque().equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An {@code If-Match} header as the version condition services check: none when absent,
     * any for {@code *}, else the versions its strong tags name ({@code "7"}; weak tags and
     * tags that are not a version never match). A malformed header is a condition that fails
     * with a 400 when it is checked, in its turn.
     */
    public static VersionPrecondition ifMatch(String header) {
        if (header == null) {
            return VersionPrecondition.none();
        }
        if (header.trim().equals("*")) {
            return VersionPrecondition.any(header);
        }
        List<Tag> tags;
        try {
            tags = parse(header, "If-Match");
        } catch (ProblemException e) {
            return VersionPrecondition.malformed(e);
        }
        Set<Long> versions = new HashSet<>();
        for (Tag tag : tags) {
            if (!tag.weak() && VERSION.matcher(tag.opaque()).matches()) {
                versions.add(Long.parseLong(tag.opaque()));
            }
        }
        return VersionPrecondition.oneOf(header, versions);
    }

    /** The entity tag of something whose representation changes exactly when its version does. */
    public static String ofVersion(long version) {
        return strong(Long.toString(version));
    }

    private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,17}");

    private record Tag(boolean weak, String opaque) {
    }

    private static List<Tag> parse(String header, String name) {
        List<Tag> tags = new ArrayList<>();
        Matcher m = TAG.matcher(header);
        int at = 0;
        while (at < header.length()) {
            if (!m.find(at) || m.start() != at) {
                throw ProblemException.invalid(name, "must be * or a list of quoted entity tags such as \"3\"");
            }
            tags.add(new Tag(m.group(1) != null, m.group(2)));
            at = m.end();
        }
        if (tags.isEmpty()) {
            throw ProblemException.invalid(name, "must be * or a list of quoted entity tags such as \"3\"");
        }
        return tags;
    }
}
