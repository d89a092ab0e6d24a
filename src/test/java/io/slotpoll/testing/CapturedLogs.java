package io.slotpoll.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log line the service writes while open, captured at DEBUG (the service's loggers and
 * the access log), for tests that prove a secret never reaches a log. Closing restores the levels.
 */
public final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Logger slotpoll = (Logger) LoggerFactory.getLogger("io.slotpoll");
    private final Logger access = (Logger) LoggerFactory.getLogger("io.slotpoll.access");
    private final Level accessLevel = access.getLevel();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    public CapturedLogs() {
        captured.start();
        root.addAppender(captured);
        slotpoll.setLevel(Level.DEBUG);
        access.setLevel(Level.DEBUG);
    }

    /** Each line as text: the message, its MDC and any stack trace. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(captured.list)) {
            lines.add(e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(captured);
        slotpoll.setLevel(null);
        access.setLevel(accessLevel);
    }
}
