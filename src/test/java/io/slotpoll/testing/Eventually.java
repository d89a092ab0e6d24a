package io.slotpoll.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by polling until a deadline, instead of sleeping a fixed time and
 * hoping: a slow machine only makes the wait longer, never the test red, and a fast one
 * does not wait for nothing.
 */
public final class Eventually {

    private static final long POLL_MS = 25;

    private Eventually() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code within}. */
    public static void await(Duration within, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
