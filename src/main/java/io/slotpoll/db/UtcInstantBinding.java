package io.slotpoll.db;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Every DATETIME column is an {@link Instant} in Java and holds UTC wall time in the
 * database (the generated code uses this binding through a jOOQ forced type).
 *
 * <p>Values travel as {@link LocalDateTime} objects ({@code setObject} / {@code getObject}),
 * never through {@code java.sql.Timestamp}: with server-side prepared statements a
 * Timestamp parameter is sent as a binary TIMESTAMP, which the server converts through the
 * TIMESTAMP range (NULL from 2038-01-19T03:14:08Z on) and through the session's time zone,
 * and Connector/J shifts it by {@code connectionTimeZone} against the JVM's zone. A
 * LocalDateTime is sent as a DATETIME and stored as it is, from year 1000 to 9999,
 * whatever the JVM's, the connection's or the session's zone.
 */
public final class UtcInstantBinding implements Binding<LocalDateTime, Instant> {

    private static final long serialVersionUID = 1L;

    private static final Converter<LocalDateTime, Instant> CONVERTER = Converter.ofNullable(LocalDateTime.class,
            Instant.class, local -> local.toInstant(ZoneOffset.UTC), instant -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC));

    @Override
    public Converter<LocalDateTime, Instant> converter() {
        return CONVERTER;
    }

    @Override
    public void sql(BindingSQLContext<Instant> ctx) {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(ctx.convert(converter()).value(), LocalDateTime.class));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<Instant> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.TIMESTAMP);
    }

    @Override
    public void set(BindingSetStatementContext<Instant> ctx) throws SQLException {
        LocalDateTime value = ctx.convert(converter()).value();
        if (value == null) {
            ctx.statement().setNull(ctx.index(), Types.TIMESTAMP);
        } else {
            ctx.statement().setObject(ctx.index(), value);
        }
    }

    @Override
    public void get(BindingGetResultSetContext<Instant> ctx) throws SQLException {
        ctx.convert(converter()).value(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void get(BindingGetStatementContext<Instant> ctx) throws SQLException {
        ctx.convert(converter()).value(ctx.statement().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void set(BindingSetSQLOutputContext<Instant> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("DATETIME values are not written to SQL output streams");
    }

    @Override
    public void get(BindingGetSQLInputContext<Instant> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("DATETIME values are not read from SQL input streams");
    }
}
