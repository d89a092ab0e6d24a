package io.slotpoll.db;

import java.sql.SQLException;
import org.jooq.exception.DataAccessException;

/** Classifies database errors that a caller settles instead of failing. */
public final class DbErrors {

    private static final int MYSQL_DUPLICATE_KEY = 1062;

    private DbErrors() {
    }

    /** True if a unique key refused the write (MySQL and MariaDB error 1062). */
    public static boolean isDuplicateKey(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == MYSQL_DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
