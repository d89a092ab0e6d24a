package io.slotpoll.participant;

import io.slotpoll.auth.Secrets;
import java.text.Normalizer;
import java.util.Locale;

/** Participant names are unique within an event ignoring case; this is the key that decides it. */
public final class Names {

    private Names() {
    }

    /**
     * SHA-256 of the name in NFKC, folded by upper- then lower-casing, in NFKC again: so
     * "STRASSE" and "straße" collide, and so do "Bob" and fullwidth "Ｂｏｂ" or a name with
     * a ligature and its spelled-out form. Independent of the database collation.
     */
    public static byte[] key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        return Secrets.hash(Normalizer.normalize(folded, Normalizer.Form.NFKC));
    }
}
