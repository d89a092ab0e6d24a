package io.slotpoll.mail;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Sender} on a thread of its own: a round at once after a full one, else after
 * {@link #IDLE}; after a failure (the database unreachable), after {@link #AFTER_FAILURE}. The
 * backlog gauges are read every {@link #MEASURE_EVERY}. Closing stops it between rows.
 */
public final class SenderLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SenderLoop.class);
    static final Duration IDLE = Duration.ofMillis(500);
    static final Duration AFTER_FAILURE = Duration.ofSeconds(5);
    static final Duration MEASURE_EVERY = Duration.ofSeconds(15);

    private final Sender sender;
    private final MailTransport transport;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private SenderLoop(Sender sender, MailTransport transport) {
        this.sender = sender;
        this.transport = transport;
        this.thread = Thread.ofPlatform().name("slotpoll-mail").daemon().unstarted(this::run);
    }

    public static SenderLoop start(Sender sender, MailTransport transport) {
        SenderLoop loop = new SenderLoop(sender, transport);
        loop.thread.start();
        return loop;
    }

    private void run() {
        long nextMeasure = 0;
        while (running.get()) {
            try {
                if (System.nanoTime() - nextMeasure >= 0) {
                    sender.measure();
                    nextMeasure = System.nanoTime() + MEASURE_EVERY.toNanos();
                }
                if (sender.round() < Sender.BATCH) {
                    Thread.sleep(IDLE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("the mail sender failed a round; trying again in {} s: {}", AFTER_FAILURE.toSeconds(),
                        e.toString());
                try {
                    Thread.sleep(AFTER_FAILURE);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
    }
}
