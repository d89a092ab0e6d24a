package io.slotpoll.http;

import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import io.slotpoll.problem.FieldError;
import io.slotpoll.problem.Errors;
import io.slotpoll.text.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request body as a JSON object: only {@code application/json} (UTF-8), at most
 * {@link #MAX_BYTES}, strictly parsed. Every failure is a 4xx {@link ProblemException}.
 */
public final class JsonBody {

    public static final int MAX_BYTES = 1 << 20;

    private final ObjectMapper mapper;

    public JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectFields read(Context ctx, Errors errors) {
        requireJsonContentType(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes = readAtMost(ctx);
        if (bytes.length == 0) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        String text = strictUtf8(bytes);
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            throw malformed("exceeds a parser limit: " + Text.shorten(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw malformed("is not valid JSON" + where + ": " + Text.shorten(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return ObjectFields.root((ObjectNode) node, bytes, errors);
    }

    /**
     * Decodes with a decoder that reports every malformed sequence: overlong forms ({@code C0 AF}
     * for "/"), encoded surrogates, truncated sequences and bytes that never occur in UTF-8.
     * Jackson's own UTF-8 reader lets overlong forms through, which would store a character
     * the client never sent as such.
     */
    private static String strictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw malformed("is not valid UTF-8: malformed byte sequence at byte offset " + in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Accepts {@code application/json} with no charset or charset UTF-8; anything else is a 415. */
    static void requireJsonContentType(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        String[] parts = header.split(";", -1);
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json, not " + Text.shorten(mediaType));
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].trim().split("=", 2);
            if (param[0].trim().equalsIgnoreCase("charset")) {
                String charset = param.length > 1 ? param[1].trim().replace("\"", "") : "";
                if (!charset.equalsIgnoreCase("utf-8")) {
                    throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                            "request bodies must be UTF-8, not charset " + Text.shorten(charset));
                }
            }
        }
    }

    /** The raw body, at most {@link #MAX_BYTES} (413 past it, whatever it declares). */
    public static byte[] bytes(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        return readAtMost(ctx);
    }

    private static byte[] readAtMost(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw malformed("could not be read: " + Text.shorten(e.getMessage()));
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "request bodies are limited to " + MAX_BYTES + " bytes");
    }

    private static ProblemException malformed(String message) {
        return new ProblemException(ProblemType.MALFORMED, "body " + message, List.of(new FieldError("body", message)));
    }
}
