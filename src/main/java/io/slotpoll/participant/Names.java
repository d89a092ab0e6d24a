package io.slotpoll.participant;

import io.slotpoll.auth.Secrets;
import java.text.Normalizer;
import java.util.Locale;

/** Participant names are unique within an event ignoring case; this is the key that decides it. */
final class Names {

    private Names() {
    }

    /**
     * SHA-256 of the name in NFC, folded by upper- then lower-casing (so "STRASSE" and
     * "straße" collide), independent of the database collation.
     */
    static byte[] key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        return Secrets.hash(Normalizer.normalize(folded, Normalizer.Form.NFC));
    }
}
