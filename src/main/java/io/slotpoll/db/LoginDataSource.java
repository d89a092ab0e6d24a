package io.slotpoll.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Opens connections with the login of a {@link CredentialSource}. When the database refuses
 * the login (error 1045, SQLState 28000: the password was rotated), it asks the source for
 * a fresh one and tries once more, so the pool reconnects without a restart. Connections
 * already open are unaffected by a rotation.
 */
public final class LoginDataSource implements DataSource {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LoginDataSource.class);
    private static final int ACCESS_DENIED = 1045;

    private final String url;
    private final Properties options;
    private final CredentialSource credentials;

    /** {@code options} are driver properties added to every connection (timeouts); never a password. */
    public LoginDataSource(String url, Properties options, CredentialSource credentials) {
        this.url = url;
        this.options = options;
        this.credentials = credentials;
    }

    @Override
    public Connection getConnection() throws SQLException {
        CredentialSource.Login login = credentials.current();
        try {
            return DriverManager.getConnection(url, properties(login));
        } catch (SQLException e) {
            if (!isAccessDenied(e)) {
                throw e;
            }
            CredentialSource.Login fresh = credentials.refresh(login);
            if (fresh.equals(login)) {
                throw e;
            }
            LOG.warn("the database refused the login of user {}; using the credentials fetched again", login.user());
            return DriverManager.getConnection(url, properties(fresh));
        }
    }

    static boolean isAccessDenied(SQLException e) {
        return e.getErrorCode() == ACCESS_DENIED || "28000".equals(e.getSQLState());
    }

    private Properties properties(CredentialSource.Login login) {
        Properties all = new Properties();
        all.putAll(options);
        all.setProperty("user", login.user());
        all.setProperty("password", login.password());
        return all;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the login comes from the credential source");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // DriverManager logs nothing here
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // connectTimeout in the options bounds connecting
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
