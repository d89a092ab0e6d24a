/**
 * The database: the connection pool and where its login comes from, migrations at
 * start, the jOOQ context, the embedded MariaDB for laptops, and the one conversion
 * between {@link java.time.Instant} and the UTC wall time held in DATETIME columns.
 */
package io.slotpoll.db;
