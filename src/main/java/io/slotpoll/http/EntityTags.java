package io.slotpoll.http;

import java.util.ArrayList;
import java.util.List;
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

    /** If-None-Match uses weak comparison: {@code W/"x"} matches {@code "x"}. Null header never matches. */
    public static boolean noneMatchHits(String header, String etag) {
        if (header == null) {
            return false;
        }
        if (header.trim().equals("*")) {
            return true;
        }
        String opaque = etag.substring(1, etag.length() - 1);
        for (Tag tag : parse(header, "If-None-Match")) {
            if (tag.opaque().equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /**
     * If-Match uses strong comparison: weak tags never match. {@code *} matches any current
     * representation. A header that is present but not a list of entity tags is a 400.
     */
    public static boolean matchHits(String header, String etag) {
        if (header.trim().equals("*")) {
            return true;
        }
        String opaque = etag.substring(1, etag.length() - 1);
        for (Tag tag : parse(header, "If-Match")) {
            if (!tag.weak() && tag.opaque().equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private record Tag(boolean weak, String opaque) {
    }

    private static List<Tag> parse(String header, String name) {
        List<Tag> tags = new ArrayList<>();
        Matcher m = TAG.matcher(header);
        int at = 0;
        while (at < header.length()) {
            if (!m.find(at) || m.start() != at) {
                throw ApiException.invalid(name, "must be * or a list of quoted entity tags such as \"3\"");
            }
            tags.add(new Tag(m.group(1) != null, m.group(2)));
            at = m.end();
        }
        if (tags.isEmpty()) {
            throw ApiException.invalid(name, "must be * or a list of quoted entity tags such as \"3\"");
        }
        return tags;
    }
}
