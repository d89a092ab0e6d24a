package io.slotpoll.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotpoll.time.TimeWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real calendar exports nobody on the project wrote ({@code calendar-corpus/}, each file's
 * origin in {@code corpus.tsv} and {@code README.md}), read by {@link CalendarReader} and by an
 * independent reader (Python's icalendar with recurring-ical-events, {@code reference.py}) over a
 * poll span of 366 days in a zone of their own. The busy and tentative time of the two must be
 * the same, minute for minute, except where a {@code FILE.judgement} next to the file says how
 * they differ and why (judged by RFC 5545); that file also lists exactly what our reader
 * skipped. A difference that no judgement names, or a judged one that went away, fails.
 *
 * <p>The reference runs where {@code /usr/bin/python3} has both modules ({@code .ci/run} installs
 * Debian's packages and sets {@code SLOTPOLL_REQUIRE_REFERENCE=1}); elsewhere the comparison is
 * skipped, but what the judgements say of our own reader is still checked.
 */
class CalendarCorpusTest {

    private static final DateTimeFormatter SPAN = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    record Entry(String file, String repository, String path, String commit, Instant from, Instant to, ZoneId zone) {
    }

    /** What a judgement file says: the reference fails on the file; lines only we or only it have; what we skip. */
    record Judgement(boolean referenceFails, List<String> oursOnly, List<String> referenceOnly, List<String> expected,
            List<String> skipped, int reasons) {
    }

    static Path corpus() {
        try {
            return Path.of(Objects.requireNonNull(CalendarCorpusTest.class.getResource("/calendar-corpus/corpus.tsv")).toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(corpus().resolve("corpus.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            entries.add(new Entry(f[0], f[1], f[2], f[3], SPAN.parse(f[4], Instant::from), SPAN.parse(f[5], Instant::from),
                    ZoneId.of(f[6])));
        }
        return entries;
    }

    @TestFactory
    Stream<DynamicTest> every_real_export_reads_as_the_independent_reader_reads_it_or_as_its_judgement_says()
            throws IOException {
        List<Entry> entries = entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(30);
        return entries.stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> check(e)));
    }

    private static void check(Entry e) throws IOException, InterruptedException {
        Path file = corpus().resolve(e.file());
        CalendarReader.BusyTime ours = CalendarReader.read(Files.readAllBytes(file), e.zone(), e.from(), e.to());
        List<String> ourLines = lines(ours, e);
        List<String> ourSkipped = ours.skipped().stream()
                .map(s -> "skipped " + s.line() + " " + s.property() + " " + s.reason()).toList();
        Judgement judgement = judgement(file);
        if (System.getProperty("corpus.print") != null) {
            Files.writeString(Path.of("target", e.file() + ".ours"), String.join("\n", ourSkipped) + "\n"
                    + String.join("\n", ourLines) + "\n");
        }
        assertThat(ourSkipped).as("what our reader skipped in %s", e.file()).isEqualTo(judgement.skipped());
        if (judgement.referenceFails()) {
            assertThat(judgement.reasons()).as("%s: a judgement gives its reasons", e.file()).isPositive();
            assertThat(ourLines).as("%s, checked by hand against RFC 5545 where the reference fails", e.file())
                    .isEqualTo(judgement.expected());
            return;
        }
        List<String> reference = reference(file, e);
        if (reference == null) {
            return;
        }
        List<String> oursOnly = new ArrayList<>(ourLines);
        oursOnly.removeAll(reference);
        List<String> referenceOnly = new ArrayList<>(reference);
        referenceOnly.removeAll(ourLines);
        if (!oursOnly.isEmpty() || !referenceOnly.isEmpty()) {
            assertThat(judgement.reasons()).as("%s: a judgement gives its reasons", e.file()).isPositive();
        }
        assertThat(oursOnly).as("%s: intervals only our reader has", e.file()).isEqualTo(judgement.oursOnly());
        assertThat(referenceOnly).as("%s: intervals only the reference has", e.file()).isEqualTo(judgement.referenceOnly());
    }

    /** Busy, then tentative, merged and clipped to the span, as the reference prints them. */
    static List<String> lines(CalendarReader.BusyTime busy, Entry e) {
        List<String> out = new ArrayList<>();
        out.addAll(merged("busy", busy.busy(), e));
        out.addAll(merged("tentative", busy.tentative(), e));
        return out;
    }

    private static List<String> merged(String kind, List<TimeWindow> windows, Entry e) {
        List<Instant[]> sorted = windows.stream().map(w -> new Instant[] {max(w.start(), e.from()), min(w.end(), e.to())})
                .filter(w -> w[0].isBefore(w[1])).sorted(Comparator.comparing((Instant[] w) -> w[0])).toList();
        List<Instant[]> merged = new ArrayList<>();
        for (Instant[] w : sorted) {
            if (!merged.isEmpty() && !w[0].isAfter(merged.getLast()[1])) {
                merged.getLast()[1] = max(merged.getLast()[1], w[1]);
            } else {
                merged.add(new Instant[] {w[0], w[1]});
            }
        }
        return merged.stream().map(w -> kind + " " + OUT.format(w[0]) + " " + OUT.format(w[1])).toList();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Judgement judgement(Path file) throws IOException {
        Path path = file.resolveSibling(file.getFileName() + ".judgement");
        List<String> oursOnly = new ArrayList<>();
        List<String> referenceOnly = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean fails = false;
        int reasons = 0;
        if (!Files.exists(path)) {
            return new Judgement(false, oursOnly, referenceOnly, expected, skipped, 0);
        }
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                reasons++;
            } else if (line.equals("reference-fails")) {
                fails = true;
            } else if (line.startsWith("ours-only ")) {
                oursOnly.add(line.substring("ours-only ".length()));
            } else if (line.startsWith("reference-only ")) {
                referenceOnly.add(line.substring("reference-only ".length()));
            } else if (line.startsWith("expected ")) {
                expected.add(line.substring("expected ".length()));
            } else if (line.startsWith("skipped ")) {
                skipped.add(line);
            } else if (!line.isBlank()) {
                throw new IllegalStateException(path + ": a line that says nothing known: " + line);
            }
        }
        return new Judgement(fails, oursOnly, referenceOnly, expected, skipped, reasons);
    }

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** The reference's lines, or null (the comparison skipped) where it is not installed and not required. */
    private static List<String> reference(Path file, Entry e) throws IOException, InterruptedException {
        boolean required = "1".equals(System.getenv("SLOTPOLL_REQUIRE_REFERENCE"));
        boolean installed = Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c",
                "import icalendar, recurring_ical_events, pytz")).exit() == 0;
        if (!installed) {
            assertThat(required).as("SLOTPOLL_REQUIRE_REFERENCE=1 but python3-icalendar and "
                    + "python3-recurring-ical-events are not installed").isFalse();
            Assumptions.abort("the reference reader (Debian's python3-recurring-ical-events) is not installed");
        }
        Run run = run(List.of(PYTHON.toString(), corpus().resolve("reference.py").toString(), file.toString(),
                SPAN.format(e.from()), SPAN.format(e.to()), e.zone().getId()));
        assertThat(run.exit()).as("reference on %s:%n%s", e.file(), run.out()).isZero();
        List<String> lines = run.out().lines().filter(l -> !l.isBlank()).toList();
        if (System.getProperty("corpus.print") != null) {
            Files.writeString(Path.of("target", e.file() + ".reference"), String.join("\n", lines) + "\n");
        }
        return lines;
    }

    record Run(int exit, String out) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, "timed out");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
