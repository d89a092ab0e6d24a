package io.slotpoll.export;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.slotpoll.participant.AvailabilityWindow;
import io.slotpoll.participant.Participant;
import io.slotpoll.text.Text;
import io.slotpoll.time.Times;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The participants of an event as RFC 4180 CSV, written by Jackson's CSV writer (quoting,
 * CRLF line ends): a header, then one row per stored (merged) window of each participant in
 * creation order, windows by start; a participant without windows has one row whose window
 * fields (preference, start, end and their local twins) are empty. Local twins are in the
 * participant's own zone. A cell that a spreadsheet would run as a formula (it starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is prefixed with
 * {@code '}. No control character reaches a cell: stored names pass
 * {@link Text#printableLine} (rows older than today's input rules may hold any).
 */
final class CsvExport {

    static final List<String> COLUMNS = List.of("participant", "timezone", "required", "preference", "start", "end",
            "startLocal", "endLocal");

    /** Writes each list as one row; the header is the first row, so an event without participants still has it. */
    private static final ObjectWriter WRITER = CsvMapper.builder()
            // quote only where RFC 4180 needs it (a comma, a quote, a line break)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build().writerFor(List.class).with(schema());

    private CsvExport() {
    }

    private static CsvSchema schema() {
        return CsvSchema.emptySchema().withoutHeader().withLineSeparator("\r\n");
    }

    static String write(List<Participant> participants) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (Participant p : participants) {
            String zone = p.timezone().getId();
            String required = Boolean.toString(p.required());
            if (p.availability().isEmpty()) {
                rows.add(row(p.name(), zone, required, "", "", "", "", ""));
            }
            for (AvailabilityWindow w : p.availability()) {
                rows.add(row(p.name(), zone, required, AvailabilityWindow.wire(w.preference()),
                        Times.utc(w.window().start()), Times.utc(w.window().end()),
                        Times.local(w.window().start(), p.timezone()), Times.local(w.window().end(), p.timezone())));
            }
        }
        StringWriter out = new StringWriter();
        try (SequenceWriter csv = WRITER.writeValues(out)) {
            for (List<String> row : rows) {
                csv.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV export", e);
        }
        return out.toString();
    }

    private static List<String> row(String... cells) {
        List<String> guarded = new ArrayList<>(cells.length);
        for (String cell : cells) {
            guarded.add(guard(Text.printableLine(cell)));
        }
        return guarded;
    }

    /** Keeps a spreadsheet from running a cell as a formula. */
    static String guard(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
