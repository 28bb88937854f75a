package org.bookdrop.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.read.SourceRecord;

/**
 * The shape of the records of the file being read, which a mapping's sources are bound to: rows of
 * a CSV file with its header row (columns found once, by name or position), JSON trees, or MARC
 * records. Columns a mapping names that the header row lacks are noted, for the reader to say so.
 */
public final class RecordShape {

    public enum Kind { ROWS, TREES, MARC }

    private final Kind kind;
    private final List<String> header;
    private final CsvDialect dialect;
    private final Set<String> missingColumns = new LinkedHashSet<>();

    private RecordShape(Kind kind, List<String> header, CsvDialect dialect) {
        this.kind = kind;
        this.header = header;
        this.dialect = dialect;
    }

    /** CSV rows; {@code header} is the header row, or null for a file without one (columns by position only). */
    public static RecordShape rows(List<String> header, CsvDialect dialect) {
        return new RecordShape(Kind.ROWS, header, dialect);
    }

    /** JSON records (JSON, NDJSON, the JSON of a tab-separated line, an ONIX Product). */
    public static RecordShape trees() {
        return new RecordShape(Kind.TREES, null, CsvDialect.DEFAULT);
    }

    public static RecordShape marc() {
        return new RecordShape(Kind.MARC, null, CsvDialect.DEFAULT);
    }

    public Kind kind() {
        return kind;
    }

    /** Columns the mapping names that the header row does not have. */
    public Set<String> missingColumns() {
        return missingColumns;
    }

    Source bind(FieldRule.SourceSpec spec, FieldRule rule, Map<String, Map<String, String>> lookups) {
        if (spec.template() != null) {
            return TemplateSource.parse(spec.template(), text -> bind(FieldPath.parse(text), rule), lookups);
        }
        if (spec.each() != null) {
            if (kind != Kind.TREES) {
                throw new IllegalArgumentException("each: reads the elements of a list in a JSON or ONIX record, not in "
                        + (kind == Kind.ROWS ? "a CSV row" : "a MARC record"));
            }
            FieldRule.EachSpec each = spec.each();
            List<EachSource.ElementSource> firstOf = new ArrayList<>();
            for (FieldRule.SourceSpec inner : each.firstOf()) {
                if (inner.template() != null) {
                    firstOf.add(EachSource.template(TemplateSource.parse(inner.template(),
                            text -> pointer(FieldPath.parse(text)), lookups)));
                } else if (inner.path() != null) {
                    firstOf.add(EachSource.path(pointer(inner.path())));
                } else {
                    throw new IllegalArgumentException("first_of takes paths and templates, read from each element");
                }
            }
            return new EachSource(pointer(each.path()), firstOf, each.sortBy(), each.firstWith(), spec.label());
        }
        return bind(spec.path(), rule);
    }

    private static PointerSource pointer(FieldPath path) {
        if (path.kind() == FieldPath.Kind.POSITION) {
            throw new IllegalArgumentException("'" + path.text() + "' is a column position, not a path in a record");
        }
        return new PointerSource(path.steps(), path.text());
    }

    /** @throws IllegalArgumentException when the path cannot exist in records of this shape */
    Source bind(FieldPath path, FieldRule rule) {
        return switch (kind) {
            case ROWS -> column(path);
            case TREES -> switch (path.kind()) {
                case NAME, POINTER -> new PointerSource(path.steps(), path.text());
                default -> throw new IllegalArgumentException("'" + path.text() + "' is a column position, which a JSON "
                        + "record does not have; name a field, or a JSON Pointer such as /identifiers/isbn_13/0");
            };
            case MARC -> new MarcSource(path.asMarc().marc(), rule.subfieldSeparator(), path.text());
        };
    }

    private Source column(FieldPath path) {
        if (path.kind() == FieldPath.Kind.POSITION) {
            return new ColumnSource(path.position() - 1, path.text());
        }
        if (path.kind() == FieldPath.Kind.POINTER && path.steps().size() > 1) {
            throw new IllegalArgumentException("'" + path.text() + "' is a path into a JSON record; a CSV row has columns: "
                    + "name one by its header, or by its position (#3)");
        }
        String name = path.firstName();
        if (header == null) {
            throw new IllegalArgumentException("'" + path.text() + "' names a column, but the mapping says the file has no "
                    + "header row: give columns by position (#1, #2, ...)");
        }
        int exact = -1;
        int anyCase = -1;
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).strip();
            if (column.equals(name.strip())) {
                exact = i;
                break;
            }
            if (anyCase < 0 && column.toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                anyCase = i;
            }
        }
        int index = exact >= 0 ? exact : anyCase;
        if (index < 0) {
            missingColumns.add(name);
            return new Missing(path.text());
        }
        String separator = dialect.listSeparator(header.get(index));
        return separator == null ? new ColumnSource(index, path.text()) : new ListColumnSource(index, separator, path.text());
    }

    /** The header row's columns that no source reads, by index: other fields, counted or refused. */
    public List<Integer> unreadColumns(Set<Integer> read) {
        List<Integer> unread = new ArrayList<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            if (!read.contains(i)) {
                unread.add(i);
            }
        }
        return unread;
    }

    public List<String> header() {
        return header;
    }

    /** A column the header row lacks: never a value. */
    public record Missing(String label) implements Source {

        @Override
        public JsonNode read(SourceRecord record) {
            return null;
        }
    }
}
