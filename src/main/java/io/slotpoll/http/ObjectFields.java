package io.slotpoll.http;

import io.slotpoll.problem.Errors;
import io.slotpoll.text.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed, validating access to the fields of one JSON object. Each accessor records a
 * {@link FieldError} under the field's full path instead of throwing, so one answer
 * can list every invalid field; callers finish with {@link Errors#throwIfAny()}.
 * An absent field and an explicit {@code null} both read as "not given"; a caller that
 * must tell them apart (PATCH clearing a field) asks {@link #isPresent(String)} first.
 */
public final class ObjectFields {

    private final ObjectNode node;
    private final String prefix;
    private final Errors errors;
    private final byte[] raw;

    private ObjectFields(ObjectNode node, String prefix, Errors errors, byte[] raw) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
        this.raw = raw;
    }

    /** A request body as read: its fields, and the bytes it came as. */
    static ObjectFields root(ObjectNode node, byte[] raw, Errors errors) {
        return new ObjectFields(node, "", errors, raw);
    }

    /**
     * The bytes of the body this object was read from (what an idempotent retry must repeat
     * exactly); empty for a nested object or a body that could not be read.
     */
    public byte[] bytes() {
        return raw.clone();
    }

    public Errors errors() {
        return errors;
    }

    /** An empty body: every field absent. */
    static ObjectFields empty(Errors errors) {
        return new ObjectFields(JsonNodeFactory.instance.objectNode(), "", errors, new byte[0]);
    }

    /** Where this object sits in the body ({@code proposedWindows[2]}); empty for the body itself. */
    public String path() {
        return prefix;
    }

    public String path(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** Records every field not in {@code allowed} as unknown: a typo must not pass silently. */
    public ObjectFields allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(path(Text.shorten(name)), "is not a known field");
            }
        }
        return this;
    }

    public boolean isPresent(String name) {
        return node.has(name);
    }

    /**
     * A label ({@link Text#labelProblem}: a name, a title) of {@code 1..maxChars} code points,
     * trimmed of Unicode whitespace first; null if not given (an error if required) or invalid.
     */
    public String label(String name, Presence presence, int maxChars) {
        return string(name, presence.required(), maxChars, true);
    }

    /**
     * Free text ({@link Text#freeTextProblem}: a description, a URL, a time) of at most
     * {@code maxChars} code points, as sent; null if not given (an error if required) or invalid.
     */
    public String text(String name, Presence presence, int maxChars) {
        return string(name, presence.required(), maxChars, false);
    }

    private String string(String name, boolean required, int maxChars, boolean trim) {
        JsonNode value = given(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(path(name), "must be a string");
            return null;
        }
        String text = trim ? Text.trim(value.textValue()) : value.textValue();
        if (!isWellFormed(text)) {
            errors.add(path(name), "must be valid Unicode text (it has an unpaired surrogate)");
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (trim && length == 0) {
            errors.add(path(name), "must not be blank");
            return null;
        }
        String problem = trim ? Text.labelProblem(text) : Text.freeTextProblem(text);
        if (problem != null) {
            errors.add(path(name), problem);
            return null;
        }
        if (length > maxChars) {
            errors.add(path(name), "must be at most " + maxChars + " characters (was " + length + ")");
            return null;
        }
        return text;
    }

    /** A whole number in {@code [min, max]}; null if not given (and an error if {@code required}). */
    public Integer integer(String name, Presence presence, int min, int max) {
        JsonNode value = given(name, presence.required());
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            errors.add(path(name), "must be an integer");
            return null;
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            errors.add(path(name), "must be between " + min + " and " + max + " (was " + Text.shorten(value.asText()) + ")");
            return null;
        }
        return value.intValue();
    }

    /** A JSON boolean; null if not given (and an error if {@code required}). */
    public Boolean bool(String name, Presence presence) {
        JsonNode value = given(name, presence.required());
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(path(name), "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** One of {@code allowed} (exact spelling); null if not given (and an error if {@code required}). */
    public String oneOf(String name, Presence presence, List<String> allowed) {
        JsonNode value = given(name, presence.required());
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !allowed.contains(value.textValue())) {
            errors.add(path(name), "must be one of " + String.join(", ", allowed));
            return null;
        }
        return value.textValue();
    }

    /** An object field as {@code ObjectFields} under {@code name}; null if not given (an error if {@code required}) or not an object. */
    public ObjectFields object(String name, Presence presence) {
        boolean required = presence.required();
        JsonNode value = given(name, required);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(path(name), required ? "must be an object" : "must be an object or null");
            return null;
        }
        return new ObjectFields((ObjectNode) value, path(name), errors, new byte[0]);
    }

    /**
     * The objects of an array field, each as {@code ObjectFields} under {@code name[i]};
     * null if not given or not an array of objects of at most {@code maxItems}.
     */
    public List<ObjectFields> objects(String name, Presence presence, int minItems, int maxItems) {
        JsonNode value = given(name, presence.required());
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(path(name), "must be an array");
            return null;
        }
        if (value.size() < minItems || value.size() > maxItems) {
            errors.add(path(name), "must have between " + minItems + " and " + maxItems + " items (had " + value.size() + ")");
            return null;
        }
        List<ObjectFields> items = new ArrayList<>(value.size());
        boolean allObjects = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path(name) + "[" + i + "]";
            if (!item.isObject()) {
                errors.add(itemPath, "must be an object");
                allObjects = false;
            } else {
                items.add(new ObjectFields((ObjectNode) item, itemPath, errors, new byte[0]));
            }
        }
        return allObjects ? items : null;
    }

    /** The field's value, or null if absent or JSON null (recording "is required" when it must be given). */
    private JsonNode given(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(path(name), "is required");
            }
            return null;
        }
        return value;
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static Set<String> names(String... names) {
        return Set.of(names);
    }
}
