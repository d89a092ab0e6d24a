package io.slotpoll.mail;

import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Writes a letter when its outbox row comes due (a digest reports what happened until
 * then), or nothing when there is nothing left to say.
 */
@FunctionalInterface
public interface Composer {

    Optional<Letter> compose(DSLContext dsl, Outbox.Row row);
}
