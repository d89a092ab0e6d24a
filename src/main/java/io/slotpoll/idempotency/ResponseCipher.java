package io.slotpoll.idempotency;

import io.slotpoll.auth.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a stored answer (which carries a token) with AES-256-GCM under a key derived
 * from the client's idempotency key, which the database never sees: a copy of the table
 * reveals no token. The stored form is {@code iv || ciphertext}; the row's key hash is
 * bound as associated data, so an answer cannot be moved to another row.
 */
final class ResponseCipher {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final byte[] associated;

    /** The cipher for one client key in one scope; {@code rowKey} is the hash the row is stored under. */
    ResponseCipher(String scope, String clientKey, byte[] rowKey) {
        this.key = new SecretKeySpec(Secrets.sha256(("slotpoll-idempotency-answer\n" + scope + "\n" + clientKey)
                .getBytes(StandardCharsets.UTF_8)), "AES");
        this.associated = rowKey.clone();
    }

    byte[] encrypt(byte[] plain) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, plain);
        byte[] stored = Arrays.copyOf(iv, IV_BYTES + sealed.length);
        System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
        return stored;
    }

    byte[] decrypt(byte[] stored) {
        return run(Cipher.DECRYPT_MODE, Arrays.copyOf(stored, IV_BYTES), Arrays.copyOfRange(stored, IV_BYTES, stored.length));
    }

    private byte[] run(int mode, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(associated);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " a stored idempotent answer", e);
        }
    }
}
