package org.bookdrop.reject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bookdrop.check.Problem;
import org.bookdrop.check.Rejection;

/**
 * Reads back a rejects file that bookdrop wrote, whichever of its forms (NDJSON lines with a
 * {@code _rejected} field, CSV rows with a {@code _rejected} column, a listed {@code .rejects.txt}),
 * into each rejected record's position and reasons, and the reasons grouped with their counts, for
 * people reading an import's rejects in the console. The file is streamed: only the page shown is
 * held, however many records were rejected.
 */
public final class RejectsFileReader {

    /** One rejected record: where it was in its file, how the file named it (if it did), and why. */
    public record Rejected(String position, String identity, List<Problem> problems) {
    }

    /** A reason as it recurs: the field and the reason with the record's own values left out. */
    public record ReasonCount(String field, String reason, long count) {
    }

    /** A page of rejected records, the count of them all, and every reason with how many records gave it. */
    public record Summary(List<Rejected> page, long total, List<ReasonCount> reasons) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "record 3 (byte 1,204) [DLC-123]: 245$a: is empty; ..." as {@link ListedRejectsFile} writes it. */
    private static final Pattern LISTED = Pattern.compile("^(.+?)(?: \\[(.*)])?: (.*)$");
    /**
     * Reasons are joined with "; " before the next "field: " (a field as a mapping describes it may
     * be long: an ONIX path with its alternatives); a ";" inside a reason stays in it.
     */
    private static final Pattern BETWEEN_REASONS = Pattern.compile("; (?=[^;:]{1,1000}: )");
    /** A record's own value quoted in a reason ('12/31/1999'): left out when reasons are grouped. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** The most distinct reasons counted; a file with more counts the rest as one. */
    private static final int MOST_REASONS = 200;

    private RejectsFileReader() {
    }

    /** The records {@code offset} to {@code offset + limit} of the rejects file, with the count and reasons of them all. */
    public static Summary read(Path file, int offset, int limit) throws IOException {
        Collector collector = new Collector(offset, limit);
        if (file.getFileName().toString().endsWith(".csv")) {
            readCsv(file, collector);
        } else {
            readLines(file, collector);
        }
        return collector.summary();
    }

    private static void readCsv(Path file, Collector collector) throws IOException {
        try (BufferedReader in = reader(file);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord row : parser) {
                String why = row.size() > 0 ? row.get(0) : "";
                Matcher listed = LISTED.matcher(why);
                if (listed.matches()) {
                    collector.add(new Rejected(listed.group(1), listed.group(2), problems(listed.group(3))));
                } else {
                    collector.add(new Rejected("line " + parser.getCurrentLineNumber(), null, problems(why)));
                }
            }
        }
    }

    private static void readLines(Path file, Collector collector) throws IOException {
        try (BufferedReader in = reader(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Rejected rejected = fromJson(line);
                if (rejected == null) {
                    Matcher listed = LISTED.matcher(line);
                    rejected = listed.matches()
                            ? new Rejected(listed.group(1), listed.group(2), problems(listed.group(3)))
                            : new Rejected("?", null, List.of(new Problem("record", line)));
                }
                collector.add(rejected);
            }
        }
    }

    /** A JSON record (the last tab-separated column of a tabbed line) with its {@code _rejected} field; null if the line is not one. */
    private static Rejected fromJson(String line) {
        int brace = line.indexOf('{');
        if (brace < 0 || !line.endsWith("}")) {
            return null;
        }
        JsonNode record;
        try {
            record = JSON.readTree(line.substring(line.lastIndexOf('\t') + 1));
        } catch (IOException e) {
            return null;
        }
        JsonNode why = record == null ? null : record.get("_rejected");
        if (why == null || !why.isObject()) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        for (JsonNode reason : why.path("reasons")) {
            problems.add(new Problem(reason.path("field").asText(), reason.path("reason").asText()));
        }
        return new Rejected(why.path("position").asText("line " + why.path("line").asText()), null, problems);
    }

    /** "field: reason; field: reason" as {@link Rejection#reasons()} joins them. */
    static List<Problem> problems(String reasons) {
        List<Problem> problems = new ArrayList<>();
        for (String part : BETWEEN_REASONS.split(reasons)) {
            // A field a mapping reads is described "SOURCE -> field", and its source may hold ": " itself
            // (a template such as {TitleText}[: {Subtitle}]): the reason starts after the field's name.
            int arrow = part.indexOf(" -> ");
            int colon = part.indexOf(": ", arrow < 0 ? 0 : arrow);
            problems.add(colon < 0 ? new Problem("record", part) : new Problem(part.substring(0, colon), part.substring(colon + 2)));
        }
        return problems;
    }

    private static BufferedReader reader(Path file) throws IOException {
        // A record may hold bytes that are not UTF-8 (a MARC-8 record listed as it was): shown replaced, not refused.
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
    }

    private static final class Collector {

        private final int offset;
        private final int limit;
        private final List<Rejected> page = new ArrayList<>();
        private final Map<String, long[]> reasons = new LinkedHashMap<>();
        private final Map<String, String[]> labels = new LinkedHashMap<>();
        private long total;
        private long otherReasons;

        Collector(int offset, int limit) {
            this.offset = offset;
            this.limit = limit;
        }

        void add(Rejected rejected) {
            if (total >= offset && page.size() < limit) {
                page.add(rejected);
            }
            total++;
            for (Problem problem : rejected.problems()) {
                String reason = QUOTED_VALUE.matcher(problem.reason()).replaceAll("…");
                String key = problem.field() + "\u0000" + reason;
                long[] count = reasons.get(key);
                if (count == null) {
                    if (reasons.size() >= MOST_REASONS) {
                        otherReasons++;
                        continue;
                    }
                    count = new long[1];
                    reasons.put(key, count);
                    labels.put(key, new String[] {problem.field(), reason});
                }
                count[0]++;
            }
        }

        Summary summary() {
            List<ReasonCount> counts = new ArrayList<>();
            reasons.forEach((key, count) -> counts.add(new ReasonCount(labels.get(key)[0], labels.get(key)[1], count[0])));
            counts.sort(Comparator.comparingLong(ReasonCount::count).reversed());
            if (otherReasons > 0) {
                counts.add(new ReasonCount("(other)", "reasons beyond the first " + MOST_REASONS + " kinds", otherReasons));
            }
            return new Summary(page, total, counts);
        }
    }
}
