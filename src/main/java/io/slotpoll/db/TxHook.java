package io.slotpoll.db;

import org.jooq.DSLContext;

/**
 * Work that joins a write's transaction: {@link #before} runs once the write holds its
 * locks and before it changes anything, {@link #after} with its result before the commit.
 * An exception from either rolls the whole write back.
 */
public interface TxHook<T> {

    void before(DSLContext tx);

    void after(DSLContext tx, T result);

    /** A hook that does nothing. */
    static <T> TxHook<T> none() {
        return new TxHook<>() {
            @Override
            public void before(DSLContext tx) {
            }

            @Override
            public void after(DSLContext tx, T result) {
            }
        };
    }
}
