package org.bookdrop.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a rejects file back as "position: field: reason; ..." lines, whatever its format. */
final class RejectsFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RejectsFiles() {
    }

    /** @param path the report's {@code rejects} field: a path, or null when nothing was rejected */
    static List<String> read(JsonNode path) throws IOException {
        List<String> rejects = new ArrayList<>();
        if (path == null || path.isNull()) {
            return rejects;
        }
        Path file = Path.of(path.asText());
        if (file.toString().endsWith(".csv")) {
            // In the input's own delimiter: the one after the _rejected column's name.
            String header = Files.readAllLines(file).get(0);
            char delimiter = header.charAt("_rejected".length());
            try (Reader in = Files.newBufferedReader(file)) {
                for (CSVRecord row : CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                        .get().parse(in)) {
                    rejects.add(row.get("_rejected"));
                }
            }
            return rejects;
        }
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && lines.get(0).startsWith("# ")) {
            // A list of MARC records or ONIX Products: "place [identity]: reasons", after lines about the list.
            return lines.stream().filter(line -> !line.startsWith("# ")).toList();
        }
        for (String line : lines) {
            // Lines of tab-separated columns (Open Library's dumps) end in the JSON record.
            JsonNode why = JSON.readTree(line.substring(line.lastIndexOf('\t') + 1)).get("_rejected");
            List<String> reasons = new ArrayList<>();
            why.get("reasons").forEach(r -> reasons.add(r.get("field").asText() + ": " + r.get("reason").asText()));
            rejects.add(why.get("position").asText() + ": " + String.join("; ", reasons));
        }
        return rejects;
    }
}
