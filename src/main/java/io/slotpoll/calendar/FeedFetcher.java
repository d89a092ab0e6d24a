package io.slotpoll.calendar;

import io.slotpoll.problem.ProblemException;
import io.slotpoll.problem.ProblemType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches a calendar feed without letting a URL turn the server against its own network
 * (on AWS the instance metadata service and the VPC are one hop away).
 *
 * <p>Each hop: {@code https} only ({@code webcal} means https), no user name or password in
 * the URL, a host that is a name or a canonical IP literal (decimal, octal or hex spellings
 * such as {@code 2130706433} or {@code 0177.0.0.1} are refused, whatever they would mean to
 * another parser). The name is resolved once; every address it resolves to must be public
 * ({@link #isPublic}); the TCP connection then goes to that checked address, and TLS verifies
 * the certificate against the name, so a DNS answer that changes between check and connect
 * (rebinding) cannot reach anything the check refused. At most 3 redirects, each checked the
 * same way; 5 s for everything; 2 MiB; no cookies, no credentials, {@code Connection: close}.
 * Every refusal is a 422 {@code calendar-unreachable} whose message never repeats the URL
 * (a secret feed URL is a password), and nothing here logs it.
 */
public final class FeedFetcher {

    public static final int MAX_BYTES = 2 << 20;
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    public static final int MAX_REDIRECTS = 3;
    /** The longest feed URL a request may give (longer ones are not feeds anyone publishes). */
    public static final int URL_MAX_CHARS = 2048;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)0x[0-9a-f]*|[0-9]+");

    /** How a host name becomes addresses. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /**
     * The network a fetcher uses: how names resolve, whose certificates are trusted, and which
     * addresses may be reached. {@link #internet()} (public addresses only) is the only one the
     * service builds; tests construct their own (their resolver, their certificate, and, only
     * there, their loopback server's address allowed). No configuration value reaches this.
     */
    public record Network(Resolver resolver, SSLSocketFactory tls, Predicate<InetAddress> reachable) {

        public static Network internet() {
            return new Network(host -> List.of(InetAddress.getAllByName(host)),
                    (SSLSocketFactory) SSLSocketFactory.getDefault(), FeedFetcher::isPublic);
        }
    }

    private final Network network;

    public FeedFetcher(Network network) {
        this.network = network;
    }

    /** The body of the feed at {@code url}; a 422 {@code calendar-unreachable} for anything refused or failed. */
    public byte[] fetch(String url) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        URI uri = parse(url);
        for (int hop = 0; ; hop++) {
            Response response = get(uri, deadline);
            if (response.status() >= 300 && response.status() < 400 && response.location() != null) {
                if (hop == MAX_REDIRECTS) {
                    throw unreachable("it redirects more than " + MAX_REDIRECTS + " times");
                }
                URI next;
                try {
                    next = uri.resolve(response.location().trim());
                } catch (IllegalArgumentException e) {
                    throw unreachable("it redirects to a malformed address");
                }
                uri = parse(next.toString());
                continue;
            }
            if (response.status() != 200) {
                throw unreachable("its server answered HTTP " + response.status());
            }
            return response.body();
        }
    }

    /** One hop's response; the body is handed on, never compared. */
    @SuppressWarnings("ArrayRecordComponent")
    private record Response(int status, String location, byte[] body) {
    }

    /** A URL as a hop may use it; {@code webcal} becomes {@code https}. */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw unreachable("it is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("webcal")) {
            try {
                uri = new URI("https", uri.getRawAuthority(), uri.getRawPath(), uri.getRawQuery(), null);
            } catch (URISyntaxException e) {
                throw unreachable("it is not a valid URL");
            }
        } else if (!scheme.equals("https")) {
            throw unreachable("only https (or webcal) feeds are fetched");
        }
        if (uri.getRawUserInfo() != null) {
            throw unreachable("a feed URL must not carry a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw unreachable("it names no host");
        }
        if (uri.getPort() > 65_535) {
            throw unreachable("its port is not a port");
        }
        return uri;
    }

    private Response get(URI uri, long deadline) {
        String host = uri.getHost();
        InetAddress address = checkedAddress(host);
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        // The TCP socket is closed abruptly when the hop ends, never through TLS's polite close,
        // which could wait on a server that stopped answering past the deadline.
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
            SSLSocket tls = (SSLSocket) network.tls().createSocket(plain, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isIpLiteral(host)) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(remainingMillis(deadline));
            tls.startHandshake();
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + (uri.getPort() < 0 ? "" : ":" + port);
            OutputStream out = tls.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: slotpoll-calendar-import\r\n"
                    + "Accept: text/calendar, */*;q=0.1\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(tls, deadline);
        } catch (SocketTimeoutException e) {
            throw unreachable("it did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            throw unreachable("the connection failed (" + e.getClass().getSimpleName() + ")");
        } finally {
            try {
                plain.setSoLinger(true, 0);
                plain.close();
            } catch (IOException e) {
                // closing a connection we are done with: nothing to do
            }
        }
    }

    /** The one address of {@code host} a hop connects to, after every resolved address passed the check. */
    InetAddress checkedAddress(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.contains(":") && Arrays.stream(bare.split("\\.", -1)).allMatch(l -> NUMERIC_LABEL.matcher(l).matches())
                && !CANONICAL_IPV4.matcher(bare).matches()) {
            throw unreachable("its host is a number in a non-standard spelling");
        }
        List<InetAddress> addresses;
        try {
            addresses = network.resolver().resolve(bare);
        } catch (UnknownHostException | RuntimeException e) {
            throw unreachable("its host name does not resolve");
        }
        if (addresses.isEmpty()) {
            throw unreachable("its host name does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!network.reachable().test(a)) {
                throw unreachable("its host resolves to an address that is not public");
            }
        }
        return addresses.getFirst();
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || CANONICAL_IPV4.matcher(host).matches();
    }

    /**
     * False for loopback, unspecified, private (10/8, 172.16/12, 192.168/16), CGNAT (100.64/10),
     * link-local (169.254/16 with the metadata service, fe80::/10), documentation and
     * benchmarking ranges, multicast, reserved and broadcast IPv4, unique-local fc00::/7,
     * site-local fec0::/10, discard 100::/64, and IPv6 forms that embed an IPv4 address
     * (mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16), which are
     * judged by the address they embed.
     */
    public static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (!(address instanceof Inet6Address)) {
            return false;
        }
        boolean mapped = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        if (mapped) {
            return isPublicV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (Arrays.equals(Arrays.copyOf(b, 12), new byte[12])) {
            return false; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d: never a feed's address
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        if (w0 == 0x0064 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            return isPublicV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (w0 == 0x2002) {
            return isPublicV4(Arrays.copyOfRange(b, 2, 6));
        }
        if (w0 == 0x0100 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return false;
        }
        if ((b[0] & 0xfe) == 0xfc || (w0 & 0xffc0) == 0xfe80 || (w0 & 0xffc0) == 0xfec0 || (b[0] & 0xff) == 0xff) {
            return false;
        }
        return !(w0 == 0x2001 && ((b[2] & 0xff) << 8 | (b[3] & 0xff)) == 0x0db8);
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
                || (a0 == 100 && a1 >= 64 && a1 < 128)
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && a1 >= 16 && a1 < 32)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 192 && a1 == 88 && a2 == 99)
                || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113));
    }

    /** Status line, headers, then the body (chunked or not), within the size and time limits. */
    private static Response read(SSLSocket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        String head = readHead(in, socket, deadline);
        String[] lines = head.split("\r\n", -1);
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw unreachable("its server did not answer in HTTP/1.1");
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw unreachable("its server did not answer in HTTP/1.1");
        }
        String location = null;
        boolean chunked = false;
        long length = -1;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "location" -> location = value;
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "content-length" -> length = parseLength(value);
                default -> { }
            }
        }
        if (status >= 300 && status < 400) {
            return new Response(status, location, new byte[0]);
        }
        if (length > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] body = chunked ? readChunked(in, socket, deadline) : readBody(in, socket, deadline, length);
        return new Response(status, location, body);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw unreachable("its server sent a malformed Content-Length");
        }
    }

    private static String readHead(InputStream in, Socket socket, long deadline) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            socket.setSoTimeout(remainingMillis(deadline));
            int c = in.read();
            if (c < 0) {
                throw unreachable("its server closed the connection without an answer");
            }
            head.write(c);
            if (head.size() > MAX_HEADER_BYTES) {
                throw unreachable("its server sent headers over " + MAX_HEADER_BYTES + " bytes");
            }
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readBody(InputStream in, Socket socket, long deadline, long length) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        while (length < 0 || body.size() < length) {
            socket.setSoTimeout(remainingMillis(deadline));
            int n = in.read(buffer, 0, (int) (length < 0 ? buffer.length : Math.min(buffer.length, length - body.size())));
            if (n < 0) {
                break;
            }
            body.write(buffer, 0, n);
            if (body.size() > MAX_BYTES) {
                throw tooLarge();
            }
        }
        return body.toByteArray();
    }

    private static byte[] readChunked(InputStream in, Socket socket, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, socket, deadline);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw unreachable("its server sent a malformed chunk");
            }
            if (size == 0) {
                return body.toByteArray();
            }
            if (size < 0 || body.size() + size > MAX_BYTES) {
                throw tooLarge();
            }
            body.write(readBody(in, socket, deadline, size));
            readLine(in, socket, deadline);
        }
    }

    private static String readLine(InputStream in, Socket socket, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            socket.setSoTimeout(remainingMillis(deadline));
            int c = in.read();
            if (c < 0 || c == '\n') {
                return line.toString().replace("\r", "");
            }
            if (line.length() > 1024) {
                throw unreachable("its server sent a malformed chunk");
            }
            line.append((char) c);
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException();
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static ProblemException tooLarge() {
        return unreachable("it is larger than " + (MAX_BYTES >> 20) + " MiB");
    }

    static ProblemException unreachable(String why) {
        return new ProblemException(ProblemType.CALENDAR_UNREACHABLE, "the calendar feed cannot be used: " + why);
    }
}
