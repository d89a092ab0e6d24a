package io.slotpoll.recommendation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A serialised answer and, made on first demand and then kept with it, its gzip form. A
 * cached answer is sent to many clients, nearly all of which accept gzip: compressing it
 * once per event version instead of once per request is what keeps cached rankings and
 * heatmaps cheap for browsers (a heatmap of 2,000 people with members is about 1 MB).
 */
final class AnswerBody {

    /** Below this, compression is not worth a header (the same threshold as the HTTP server's own). */
    static final int GZIP_MIN_BYTES = 1500;

    private final byte[] json;
    private volatile byte[] gzip;

    AnswerBody(byte[] json) {
        this.json = json;
    }

    byte[] json() {
        return json;
    }

    /** Roughly the bytes it holds once compressed too (gzip of JSON is about a tenth). */
    int weight() {
        return json.length + json.length / 8 + 128;
    }

    /** The gzip form; two threads may both compress the first time, and either result is correct. */
    byte[] gzip() {
        byte[] bytes = gzip;
        if (bytes == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, json.length / 8));
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(json);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot compress an answer in memory", e);
            }
            bytes = out.toByteArray();
            gzip = bytes;
        }
        return bytes;
    }
}
