package io.slotpoll.db;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A query built with jOOQ's DSL once and rendered to SQL once, then executed with fresh
 * bind values: for the reads on every request, where rendering a query object each time
 * was a third of the read's cost. Results are coerced to the query's own typed fields, so
 * callers read them with the generated columns as usual. Statements still run through
 * the caller's {@link DSLContext} (its transaction, listeners and counters).
 */
public final class PreRendered {

    private final String sql;
    private final Field<?>[] fields;

    private PreRendered(String sql, Field<?>[] fields) {
        this.sql = sql;
        this.fields = fields;
    }

    /** Renders {@code query}, whose bind values must be {@link DSL#param} placeholders, for MySQL. */
    public static PreRendered of(ResultQuery<?> query) {
        return new PreRendered(DSL.using(SQLDialect.MYSQL).render(query), query.fields());
    }

    public List<Record> fetch(DSLContext dsl, Object... binds) {
        return dsl.resultQuery(sql, binds).coerce(fields).fetch();
    }
}
