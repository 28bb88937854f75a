package org.bookdrop.reject;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.bookdrop.check.BookMapper;
import org.bookdrop.check.Rejection;
import org.bookdrop.inbox.InboxFile;

/**
 * Rejects of CSV input: the input's header row and each rejected row as it was, with a
 * {@code _rejected} column in front that says where the row was and why (in front, so that it
 * stays in its column also for a row with too many fields). bookdrop ignores that column, so the
 * fixed file can be dropped into the inbox as it is.
 */
public final class CsvRejectsFile extends RejectsFile {

    private final List<String> header;
    private final CSVFormat format;

    public CsvRejectsFile(Path folder, String name, InboxFile source, Instant startedAt, List<String> header, char delimiter) {
        super(folder, name, source, startedAt);
        this.header = header;
        this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    }

    @Override
    protected void begin(Writer writer) throws IOException {
        List<String> columns = new ArrayList<>();
        columns.add(BookMapper.REJECTED_FIELD);
        columns.addAll(header);
        format.printRecord(writer, columns.toArray());
    }

    @Override
    protected void write(Writer writer, Rejection rejection) throws IOException {
        List<String> values = new ArrayList<>();
        values.add(rejection.record().position() + ": " + rejection.reasons());
        for (JsonNode value : rejection.record().original()) {
            values.add(value.asText());
        }
        format.printRecord(writer, values.toArray());
    }
}
