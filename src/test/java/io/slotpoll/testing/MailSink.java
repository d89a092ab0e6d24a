package io.slotpoll.testing;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail) on a loopback port chosen before the app starts, so the
 * app's {@code SMTP_URL} can name it. It can refuse a recipient at RCPT with a given reply
 * ({@code 451 ...} a number of times, or {@code 550 ...} always), as a real server does.
 * Register it with {@code @RegisterExtension @Order(1)}, before the {@link TestApp}.
 */
public final class MailSink implements BeforeAllCallback, AfterAllCallback {

    /** A refusal: the reply, and how many more times to give it (negative: always). */
    private record Refusal(String reply, AtomicInteger remaining) {
    }

    private final int port = freePort();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final boolean startAtOnce;
    private GreenMail server;

    /** A server that listens from before the test class's first test. */
    public MailSink() {
        this(true);
    }

    /**
     * With {@code startAtOnce} false, nothing listens on the port (a connection is refused)
     * until {@link #start()}.
     */
    public MailSink(boolean startAtOnce) {
        this.startAtOnce = startAtOnce;
    }

    public String smtpUrl() {
        return "smtp://127.0.0.1:" + port;
    }

    /** The settings that send the app's mail here, from {@code from}. */
    public Map<String, String> env(String from) {
        return Map.of("SMTP_URL", smtpUrl(), "MAIL_FROM", from);
    }

    /** Refuses {@code address} at RCPT with {@code reply}, {@code times} times (negative: every time). */
    public void refuse(String address, String reply, int times) {
        refusals.put(address, new Refusal(reply, new AtomicInteger(times)));
    }

    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    /** The messages received for {@code address}, in arrival order. */
    public List<MimeMessage> to(String address) {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address)) {
                    mine.add(m);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mine;
    }

    /** Waits up to 20 s until {@code address} has received {@code count} messages; returns them. */
    public List<MimeMessage> await(String address, int count) {
        return await(address, count, Duration.ofSeconds(20));
    }

    /** Waits up to {@code within} until {@code address} has received {@code count} messages; returns them. */
    public List<MimeMessage> await(String address, int count, Duration within) {
        Eventually.await(within, count + " mails to " + address, () -> to(address).size() >= count);
        return to(address);
    }

    public void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first part of {@code type} (such as text/plain) in the message, decoded. */
    public static Optional<String> part(Part message, String type) {
        try {
            if (message.isMimeType(type)) {
                try (InputStream in = message.getInputStream()) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart bodyPart = multipart.getBodyPart(i);
                    Optional<String> found = part(bodyPart, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (startAtOnce) {
            start();
        }
    }

    /** Starts listening. */
    public void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)) {
            @Override
            protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
                return super.createServices(config, new RefusingManagers(managers));
            }
        };
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    /** GreenMail's own managers, with an SMTP manager that consults the refusals at RCPT. */
    private final class RefusingManagers extends Managers {
        private final Managers inner;
        private final SmtpManager smtp;

        RefusingManagers(Managers inner) {
            this.inner = inner;
            this.smtp = new SmtpManager(inner.getImapHostManager(), inner.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress rcpt) {
                    Refusal refusal = refusals.get(rcpt.getEmail());
                    if (refusal == null || refusal.remaining().getAndDecrement() == 0) {
                        return null;
                    }
                    return refusal.reply();
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public UserManager getUserManager() {
            return inner.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return inner.getImapHostManager();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
