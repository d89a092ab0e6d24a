package io.slotpoll.recommendation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Shares one read among concurrent callers asking for the same key, without ever
 * answering a caller with a read that started before it asked.
 *
 * <p>Per key at most one read is in flight. Callers that arrive while it runs join the
 * next batch; when the in-flight read ends, one of them starts the next read and all of
 * them get its result. A caller joins a batch only before that batch's read starts (both
 * happen under the key's lock), so every caller sees everything committed before it
 * arrived: the same guarantee as reading for itself, at a fraction of the reads when many
 * requests hit one event at once (group commit, applied to reads).
 *
 * @param <K> the key (an event id)
 * @param <V> the value read (an event's version)
 */
final class CoalescedReads<K, V> {

    private final Function<K, V> read;
    private final ConcurrentHashMap<K, Slot<V>> slots = new ConcurrentHashMap<>();

    CoalescedReads(Function<K, V> read) {
        this.read = read;
    }

    /** One key's state; guarded by its own monitor. */
    private static final class Slot<V> {
        Batch<V> inFlight;
        Batch<V> next;
        int users;
    }

    /** Callers sharing one read; {@code before} is the read that was in flight when the batch formed. */
    private static final class Batch<V> {
        final CompletableFuture<V> result = new CompletableFuture<>();
        final Batch<V> before;
        final AtomicBoolean claimed = new AtomicBoolean();

        Batch(Batch<V> before) {
            this.before = before;
        }
    }

    V get(K key) {
        Slot<V> slot;
        Batch<V> mine;
        while (true) {
            slot = slots.computeIfAbsent(key, k -> new Slot<>());
            synchronized (slot) {
                if (slots.get(key) != slot) {
                    continue; // removed while idle; take the new one
                }
                slot.users++;
                if (slot.inFlight == null && slot.next == null) {
                    mine = new Batch<>(null);
                    slot.next = mine;
                } else if (slot.next == null) {
                    mine = new Batch<>(slot.inFlight);
                    slot.next = mine;
                } else {
                    mine = slot.next;
                }
                break;
            }
        }
        try {
            if (mine.before != null) {
                mine.before.result.exceptionally(e -> null).join();
            }
            if (mine.claimed.compareAndSet(false, true)) {
                synchronized (slot) {
                    slot.inFlight = mine;
                    slot.next = null; // from here on, arrivals form a new batch
                }
                try {
                    mine.result.complete(read.apply(key));
                } catch (RuntimeException | Error e) {
                    mine.result.completeExceptionally(e);
                } finally {
                    synchronized (slot) {
                        if (slot.inFlight == mine) {
                            slot.inFlight = null;
                        }
                    }
                }
            }
            return await(mine);
        } finally {
            synchronized (slot) {
                slot.users--;
                if (slot.users == 0 && slot.inFlight == null && slot.next == null) {
                    slots.remove(key, slot);
                }
            }
        }
    }

    private static <V> V await(Batch<V> batch) {
        try {
            return batch.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a shared read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Keys with a read in flight or waiting callers; for tests. */
    int activeKeys() {
        return slots.size();
    }
}
