package org.bookdrop.reject;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bookdrop.check.BookMapper;
import org.bookdrop.check.Problem;
import org.bookdrop.check.Rejection;
import org.bookdrop.inbox.InboxFile;

/**
 * Rejects of JSON and NDJSON input: one line per record, the record as the file held it with a
 * {@code _rejected} field added that says where it was and why (for lines of tab-separated
 * columns ending in a JSON record, the columns before it too). bookdrop ignores that field, so
 * the fixed file can be dropped into the inbox as it is.
 */
public final class NdjsonRejectsFile extends RejectsFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public NdjsonRejectsFile(Path folder, String name, InboxFile source, Instant startedAt) {
        super(folder, name, source, startedAt);
    }

    @Override
    protected void write(Writer writer, Rejection rejection) throws IOException {
        ObjectNode why = MAPPER.createObjectNode()
                .put("file", rejection.file())
                .put("position", rejection.record().position())
                .put("line", rejection.record().line());
        var reasons = why.putArray("reasons");
        for (Problem problem : rejection.problems()) {
            reasons.addObject().put("field", problem.field()).put("reason", problem.reason());
        }
        ObjectNode line;
        if (rejection.record().original().isObject()) {
            line = rejection.record().original().deepCopy();
            line.remove(BookMapper.REJECTED_FIELD);
        } else {
            // Not an object (or not JSON at all): kept as it was, beside the reasons.
            line = MAPPER.createObjectNode();
            why.set("original", rejection.record().original());
        }
        line.set(BookMapper.REJECTED_FIELD, why);
        // A JSON record that was the last column of a tab-separated line goes back with its columns.
        String columnsBefore = rejection.record().columnsBefore();
        if (columnsBefore != null) {
            writer.write(columnsBefore);
            writer.write('\t');
        }
        writer.write(MAPPER.writeValueAsString(line));
        writer.write('\n');
    }
}
