package org.bookdrop.mapping;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a mapping file (YAML) and compiles it into a {@link Mapping}, checking every name and
 * value on the way: an unknown option, an unknown book field, a bad date pattern or path is one
 * error naming the file and the line, before any file is read with it.
 */
public final class MappingFile {

    /** The formats a mapping may name; without one, the file's extension tells. */
    public static final List<String> FORMATS = List.of("csv", "json", "ndjson", "tabbed-json", "marc", "marcxml", "onix");

    private static final List<String> TOP = List.of("name", "description", "folder", "files", "format", "encoding", "csv",
            "absent", "other_fields", "lookups", "fields");
    private static final List<String> SOURCE = List.of("path", "template", "each", "first_of", "sort_by", "first_with", "isbn");
    private static final List<String> CSV = List.of("delimiter", "quote", "header", "list_columns");
    private static final List<String> FIELD = List.of("from", "template", "take", "accept", "trim", "collapse", "absent",
            "remove", "split", "join", "invert_name", "strip_punctuation", "isbn", "invalid", "patterns", "unmatched", "dedupe",
            "subfields");

    private final String origin;
    private Map<String, Map<String, String>> lookups = Map.of();

    private MappingFile(String origin) {
        this.origin = origin;
    }

    /** @throws MappingException for a file that cannot be read or used */
    public static Mapping load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MappingException(file + ": cannot read the mapping: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(file.toString(), name, text);
    }

    /**
     * @param origin      where the text comes from, for messages
     * @param defaultName the mapping's name when the file gives none
     */
    public static Mapping parse(String origin, String defaultName, String text) {
        return new MappingFile(origin).compile(defaultName, text);
    }

    private Mapping compile(String defaultName, String text) {
        Node root;
        try {
            Optional<Node> composed = new Compose(LoadSettings.builder().setLabel(origin).build()).composeString(text);
            root = composed.orElseThrow(() -> new MappingException(origin + ": the mapping is empty"));
        } catch (MarkedYamlEngineException e) {
            throw new MappingException(origin + " line " + line(e.getProblemMark()) + ": not valid YAML: " + e.getProblem(), e);
        } catch (YamlEngineException e) {
            throw new MappingException(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Node> top = keys(root, TOP, "the mapping");
        String name = top.containsKey("name") ? scalar(top.get("name")) : defaultName;
        String format = top.containsKey("format") ? oneOf(top.get("format"), FORMATS) : null;
        Charset encoding = top.containsKey("encoding") ? encoding(top.get("encoding")) : StandardCharsets.UTF_8;
        CsvDialect csv = top.containsKey("csv") ? csv(top.get("csv")) : CsvDialect.DEFAULT;
        String folder = top.containsKey("folder") ? folder(top.get("folder")) : null;
        List<String> files = top.containsKey("files") ? strings(top.get("files")) : List.of();
        Set<String> absent = absent(top.get("absent"));
        Mapping.OtherFields other = top.containsKey("other_fields")
                ? Mapping.OtherFields.valueOf(oneOf(top.get("other_fields"), List.of("ignore", "count", "reject")).toUpperCase(Locale.ROOT))
                : Mapping.OtherFields.COUNT;
        Map<String, Map<String, String>> lookups = new LinkedHashMap<>();
        if (top.containsKey("lookups")) {
            for (NodeTuple table : mapping(top.get("lookups"), "lookups").getValue()) {
                Map<String, String> entries = new LinkedHashMap<>();
                for (NodeTuple entry : mapping(table.getValueNode(), "lookup table " + scalar(table.getKeyNode())).getValue()) {
                    entries.put(scalar(entry.getKeyNode()), rawScalar(entry.getValueNode()));
                }
                lookups.put(scalar(table.getKeyNode()), Map.copyOf(entries));
            }
        }
        this.lookups = lookups;
        if (!top.containsKey("fields")) {
            throw error(root, "the mapping has no fields: it must say at least where title and author come from");
        }
        Map<BookField, FieldRule> fields = new EnumMap<>(BookField.class);
        for (NodeTuple tuple : mapping(top.get("fields"), "fields").getValue()) {
            String key = scalar(tuple.getKeyNode());
            BookField field = BookField.of(key).orElseThrow(() -> error(tuple.getKeyNode(), "'" + key
                    + "' is not a field of a book; the books table has id, title, author, publication_date, categories"));
            fields.put(field, field(field, tuple.getValueNode(), absent, format));
        }
        for (BookField required : List.of(BookField.TITLE, BookField.AUTHOR)) {
            if (!fields.containsKey(required)) {
                throw error(top.get("fields"), "no source for " + required.key() + ": every book needs one");
            }
        }
        return new Mapping(name, origin, format, encoding, csv, folder, files, fields, other, lookups, false);
    }

    private FieldRule field(BookField field, Node node, Set<String> mappingAbsent, String format) {
        Map<String, Node> options;
        if (node instanceof ScalarNode || node instanceof SequenceNode) {
            options = Map.of("from", node);
        } else {
            options = keys(node, FIELD, field.key());
        }
        only(options, "isbn", field, BookField.ID);
        only(options, "patterns", field, BookField.PUBLICATION_DATE);
        only(options, "unmatched", field, BookField.PUBLICATION_DATE);
        only(options, "dedupe", field, BookField.CATEGORIES);
        List<FieldRule.SourceSpec> sources = sources(field, options);
        boolean list = field == BookField.CATEGORIES;
        String take = options.containsKey("take") ? oneOf(options.get("take"), List.of("first", "all")) : list ? "all" : "first";
        FieldRule.Accepts accepts = options.containsKey("accept")
                ? FieldRule.Accepts.valueOf(oneOf(options.get("accept"), List.of("text", "text-or-whole-number", "any"))
                        .toUpperCase(Locale.ROOT).replace('-', '_').replace("ANY", "ANY_SCALAR"))
                : FieldRule.Accepts.ANY_SCALAR;
        Set<String> absent = options.containsKey("absent") ? absent(options.get("absent")) : mappingAbsent;
        String join = options.containsKey("join") ? rawScalar(options.get("join")) : null;
        if ("none".equals(join)) {
            join = null;
        }
        DatePatterns dates = null;
        if (field == BookField.PUBLICATION_DATE) {
            List<String> patterns = options.containsKey("patterns") ? strings(options.get("patterns")) : List.of("iso");
            try {
                dates = DatePatterns.of(patterns);
            } catch (IllegalArgumentException e) {
                throw error(options.get("patterns"), e.getMessage());
            }
        }
        List<Pattern> remove = new ArrayList<>();
        if (options.containsKey("remove")) {
            for (String expression : strings(options.get("remove"))) {
                try {
                    remove.add(Pattern.compile(expression));
                } catch (PatternSyntaxException e) {
                    throw error(options.get("remove"), "'" + expression + "' is not a regular expression: " + e.getDescription());
                }
            }
        }
        String split = options.containsKey("split") ? rawScalar(options.get("split")) : null;
        if (split != null && split.isEmpty()) {
            throw error(options.get("split"), "split needs a separator");
        }
        return new FieldRule(field, sources, take.equals("all"), accepts,
                bool(options, "trim", true), bool(options, "collapse", true), absent, List.copyOf(remove), split, join,
                bool(options, "invert_name", false), bool(options, "strip_punctuation", false),
                bool(options, "isbn", false),
                options.containsKey("invalid") && oneOf(options.get("invalid"), List.of("reject", "next")).equals("next"),
                dates,
                options.containsKey("unmatched") && oneOf(options.get("unmatched"), List.of("reject", "absent")).equals("absent"),
                bool(options, "dedupe", list),
                options.containsKey("subfields") ? rawScalar(options.get("subfields")) : " ");
    }

    private List<FieldRule.SourceSpec> sources(BookField field, Map<String, Node> options) {
        List<FieldRule.SourceSpec> sources = new ArrayList<>();
        if (options.containsKey("template")) {
            sources.add(template(options.get("template")));
        }
        Node from = options.get("from");
        if (from != null) {
            List<Node> items = from instanceof SequenceNode sequence ? sequence.getValue() : List.of(from);
            for (Node item : items) {
                sources.add(source(item));
            }
        }
        if (sources.isEmpty()) {
            throw error(options.values().iterator().next(), field.key() + " needs a source: from, or template");
        }
        return sources;
    }

    /** A source: a path; or {template: ...}; or {path: ..., isbn: ...}; or {each: ..., first_of: [...], sort_by, first_with}. */
    private FieldRule.SourceSpec source(Node item) {
        if (!(item instanceof MappingNode)) {
            return new FieldRule.SourceSpec(path(item), null);
        }
        Map<String, Node> keys = keys(item, SOURCE, "a source");
        Boolean isbn = keys.containsKey("isbn") ? bool(keys.get("isbn")) : null;
        if (keys.containsKey("each")) {
            if (!keys.containsKey("first_of")) {
                throw error(item, "each needs first_of: the sources read from each element");
            }
            Node firstOf = keys.get("first_of");
            List<Node> inner = firstOf instanceof SequenceNode sequence ? sequence.getValue() : List.of(firstOf);
            List<FieldRule.SourceSpec> relative = new ArrayList<>();
            for (Node node : inner) {
                FieldRule.SourceSpec spec = source(node);
                if (spec.each() != null) {
                    throw error(node, "an each inside an each is not read; name the elements with one path");
                }
                relative.add(spec);
            }
            return new FieldRule.SourceSpec(null, null, new FieldRule.EachSpec(path(keys.get("each")), List.copyOf(relative),
                    keys.containsKey("sort_by") ? scalar(keys.get("sort_by")) : null,
                    keys.containsKey("first_with") ? scalar(keys.get("first_with")) : null), isbn);
        }
        if (keys.containsKey("template") == keys.containsKey("path")) {
            throw error(item, "a source has a path, a template, or each");
        }
        if (keys.containsKey("template")) {
            FieldRule.SourceSpec template = template(keys.get("template"));
            return new FieldRule.SourceSpec(null, template.template(), null, isbn);
        }
        return new FieldRule.SourceSpec(path(keys.get("path")), null, null, isbn);
    }

    private FieldPath path(Node node) {
        String text = scalar(node);
        try {
            return FieldPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
    }

    private FieldRule.SourceSpec template(Node node) {
        String text = rawScalar(node);
        try {
            TemplateSource.parse(text, path -> {
                FieldPath.parse(path);
                return new RecordShape.Missing(path);
            }, lookups);
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage());
        }
        return new FieldRule.SourceSpec(null, text);
    }

    private CsvDialect csv(Node node) {
        Map<String, Node> keys = keys(node, CSV, "csv");
        Character delimiter = null;
        if (keys.containsKey("delimiter")) {
            String text = rawScalar(keys.get("delimiter"));
            if (text.equalsIgnoreCase("tab") || text.equals("\t") || text.equals("\\t")) {
                delimiter = '\t';
            } else if (text.length() == 1) {
                delimiter = text.charAt(0);
            } else {
                throw error(keys.get("delimiter"), "a delimiter is one character, or tab; found '" + text + "'");
            }
        }
        char quote = '"';
        if (keys.containsKey("quote")) {
            String text = rawScalar(keys.get("quote"));
            if (text.length() != 1) {
                throw error(keys.get("quote"), "a quote is one character; found '" + text + "'");
            }
            quote = text.charAt(0);
        }
        boolean header = !keys.containsKey("header") || bool(keys.get("header"));
        Map<String, String> lists = new LinkedHashMap<>();
        if (keys.containsKey("list_columns")) {
            for (NodeTuple tuple : mapping(keys.get("list_columns"), "list_columns").getValue()) {
                lists.put(scalar(tuple.getKeyNode()), rawScalar(tuple.getValueNode()));
            }
        }
        return new CsvDialect(delimiter, quote, header, lists);
    }

    private Charset encoding(Node node) {
        String name = scalar(node);
        if (name.equalsIgnoreCase("detect")) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw error(node, "'" + name + "' is not an encoding this Java knows (UTF-8, windows-1252, ISO-8859-1, UTF-16, "
                    + "or detect: by the byte order mark)");
        }
    }

    private String folder(Node node) {
        String folder = scalar(node).replaceAll("^/+|/+$", "");
        if (folder.isEmpty() || folder.contains("/") || folder.equals(".") || folder.equals("..")) {
            throw error(node, "folder is one subfolder of the inbox, such as goodreads; found '" + scalar(node) + "'");
        }
        return folder;
    }

    private Set<String> absent(Node node) {
        Set<String> absent = new LinkedHashSet<>();
        absent.add("");
        if (node != null) {
            for (String value : strings(node)) {
                absent.add(value.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(absent);
    }

    private void only(Map<String, Node> options, String option, BookField field, BookField allowed) {
        if (options.containsKey(option) && field != allowed) {
            throw error(options.get(option), "option '" + option + "' is for " + allowed.key() + " only");
        }
    }

    private Map<String, Node> keys(Node node, List<String> known, String what) {
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping(node, what).getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (!known.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown option '" + key + "' in " + what + " (known: "
                        + String.join(", ", known) + ")");
            }
            if (keys.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), "'" + key + "' is given twice in " + what);
            }
        }
        return keys;
    }

    private MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, what + " must be a set of name: value lines");
    }

    private String scalar(Node node) {
        return rawScalar(node).strip();
    }

    private String rawScalar(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(node, "expected a single value here");
    }

    private List<String> strings(Node node) {
        if (node instanceof SequenceNode sequence) {
            List<String> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                values.add(rawScalar(item));
            }
            return values;
        }
        return List.of(rawScalar(node));
    }

    private String oneOf(Node node, List<String> allowed) {
        String value = scalar(node).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw error(node, "'" + scalar(node) + "' is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    private boolean bool(Map<String, Node> options, String option, boolean otherwise) {
        return options.containsKey(option) ? bool(options.get(option)) : otherwise;
    }

    private boolean bool(Node node) {
        return switch (scalar(node).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(node, "expected true or false, found '" + scalar(node) + "'");
        };
    }

    private MappingException error(Node node, String message) {
        return new MappingException(origin + " line " + node.getStartMark().map(MappingFile::line).orElse(0) + ": " + message);
    }

    private static int line(Optional<Mark> mark) {
        return mark.map(MappingFile::line).orElse(0);
    }

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }
}
