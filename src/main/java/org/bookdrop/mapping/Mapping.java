package org.bookdrop.mapping;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping, compiled from its file once: which files it takes (an inbox subfolder, file-name
 * patterns), how they are read (format, encoding, CSV dialect), and how each book field is filled
 * ({@link FieldRule}). Bound to a file's shape ({@link #bind}) it reads that file's records.
 *
 * @param origin      where it was read from, for messages: a path, or {@code bookdrop.jar!mappings/x.yaml}
 * @param format      the file's format, or null to tell it by the file's extension
 * @param encoding    the files' character set; null: detect it by the byte order mark, UTF-8 without one
 * @param folder      the inbox subfolder whose files it takes, or null
 * @param files       file-name patterns (globs) of the files it takes, or none
 * @param otherFields what is done with fields or columns that no book field reads
 * @param lookups     tables that templates write values through ({@code {Code@schemes}}), by name
 * @param bookdropShape whether this is bookdrop's own shape (the shipped {@code bookdrop} mapping),
 *                    whose NDJSON lines may be read straight into books ({@code PlainBookJson})
 */
public record Mapping(
        String name,
        String origin,
        String format,
        Charset encoding,
        CsvDialect csv,
        String folder,
        List<String> files,
        Map<BookField, FieldRule> fields,
        OtherFields otherFields,
        Map<String, Map<String, String>> lookups,
        boolean bookdropShape) {

    /** Fields or columns of a record that no book field reads. */
    public enum OtherFields {
        /** Left alone. */
        IGNORE,
        /** Counted by name in the report's {@code ignoredFields}. */
        COUNT,
        /** A record that has one is rejected (bookdrop's BOOKDROP_STRICT for its own shape). */
        REJECT
    }

    public Mapping {
        fields = new EnumMap<>(fields);
        files = List.copyOf(files);
        lookups = Map.copyOf(lookups);
    }

    /** The same mapping, doing this with other fields. */
    public Mapping withOtherFields(OtherFields other) {
        return new Mapping(name, origin, format, encoding, csv, folder, files, fields, other, lookups, bookdropShape);
    }

    /** The same mapping, marked as bookdrop's own shape. */
    Mapping asBookdropShape() {
        return new Mapping(name, origin, format, encoding, csv, folder, files, fields, otherFields, lookups, true);
    }

    /** The same mapping with another delimiter for its CSV files (bookdrop's setting, for its own shape). */
    public Mapping withCsvDelimiter(char delimiter) {
        return new Mapping(name, origin, format, encoding,
                new CsvDialect(delimiter, csv.quote(), csv.header(), csv.listColumns()), folder, files, fields, otherFields,
                lookups, bookdropShape);
    }

    /**
     * Whether this mapping takes a file of the inbox by its path within the inbox: one in its
     * folder, or one whose name matches one of its patterns (in the inbox itself, or in its folder
     * when it has one).
     */
    public boolean takes(String pathInInbox) {
        Path path = Path.of(pathInInbox);
        Path parent = path.getParent();
        String inFolder = parent == null ? null : parent.toString();
        if (folder != null && !folder.equals(inFolder)) {
            return false;
        }
        if (folder == null && inFolder != null) {
            return false;
        }
        if (files.isEmpty()) {
            return folder != null;
        }
        for (String glob : files) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (matcher.matches(path.getFileName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The names of every element or field the mapping's sources step through, filter on, sort by
     * or read from a list's elements.
     */
    public java.util.Set<String> namesRead() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (FieldRule rule : fields.values()) {
            for (FieldRule.SourceSpec spec : rule.sources()) {
                addNames(spec, names);
            }
        }
        return names;
    }

    private static void addNames(FieldRule.SourceSpec spec, java.util.Set<String> names) {
        if (spec.path() != null) {
            addNames(spec.path(), names);
        }
        if (spec.template() != null) {
            java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\{([^}@]+)").matcher(spec.template());
            while (placeholder.find()) {
                try {
                    addNames(FieldPath.parse(placeholder.group(1)), names);
                } catch (IllegalArgumentException e) {
                    // Checked when the mapping was read.
                }
            }
        }
        if (spec.each() != null) {
            addNames(spec.each().path(), names);
            if (spec.each().sortBy() != null) {
                names.add(spec.each().sortBy());
            }
            if (spec.each().firstWith() != null) {
                names.add(spec.each().firstWith());
            }
            spec.each().firstOf().forEach(inner -> addNames(inner, names));
        }
    }

    private static void addNames(FieldPath path, java.util.Set<String> names) {
        for (FieldPath.Step step : path.steps()) {
            if (step.name() != null) {
                names.add(step.name());
            }
            if (step.filterKey() != null) {
                names.add(step.filterKey());
            }
        }
    }

    /** Binds the mapping's sources to the shape of a file's records: once per file, before its first record. */
    public BoundMapping bind(RecordShape shape) {
        List<BoundField> bound = new ArrayList<>();
        for (FieldRule rule : fields.values()) {
            bound.add(rule.bind(shape, lookups));
        }
        return new BoundMapping(this, shape, bound);
    }
}
