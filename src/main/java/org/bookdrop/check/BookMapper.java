package org.bookdrop.check;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.book.Book;
import org.bookdrop.book.PublicationDate;

/**
 * Turns a record's fields into a {@link Book}, refusing values of the wrong JSON type instead of
 * coercing them. Field names are those of the CrateDB tutorial's table. Other fields are ignored
 * and named to the caller, or, in strict mode, refused.
 */
public final class BookMapper {

    /** What bookdrop writes into a rejects file beside each record; always ignored when read. */
    public static final String REJECTED_FIELD = "_rejected";

    private static final Set<String> KNOWN_FIELDS =
            Set.of("id", "title", "author", "publication_date", "categories", REJECTED_FIELD);

    private final boolean strict;

    /** @param strict whether a field that is not a book's rejects the record */
    public BookMapper(boolean strict) {
        this.strict = strict;
    }

    /**
     * @param problems receives what is wrong with each field
     * @param ignored  receives the names of fields that are not a book's, when they are ignored
     * @return the book, or null when a field could not be read
     */
    public Book toBook(JsonNode fields, List<Problem> problems, List<String> ignored) {
        if (!fields.isObject()) {
            problems.add(new Problem("record", "must be a JSON object, found " + typeOf(fields)));
            return null;
        }
        int before = problems.size();
        for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN_FIELDS.contains(name)) {
                if (strict) {
                    problems.add(new Problem(name, "is not a field of a book (strict mode)"));
                } else {
                    ignored.add(name);
                }
            }
        }
        String id = identifier(fields.get("id"), problems);
        String title = text(fields, "title", problems);
        String author = text(fields, "author", problems);
        String date = text(fields, "publication_date", problems);
        List<String> categories = categories(fields.get("categories"), problems);
        var publicationDate = date == null || date.isBlank() ? null : publicationDate(date, problems);
        return problems.size() > before ? null : new Book(id, title, author, publicationDate, categories);
    }

    private static String identifier(JsonNode value, List<Problem> problems) {
        if (isAbsent(value)) {
            return null;
        }
        // Catalogue ids are often numbers (ISBNs, stock numbers): whole numbers are taken as text.
        if (value.isTextual() || value.isIntegralNumber()) {
            String id = value.asText().strip();
            return id.isEmpty() ? null : id;
        }
        problems.add(new Problem("id", "must be text or a whole number, found " + typeOf(value)));
        return null;
    }

    private static String text(JsonNode fields, String name, List<Problem> problems) {
        JsonNode value = fields.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new Problem(name, "must be text, found " + typeOf(value)));
            return null;
        }
        return value.textValue();
    }

    private static LocalDateTime publicationDate(String date, List<Problem> problems) {
        try {
            return PublicationDate.parse(date);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("publication_date", e.getMessage()));
            return null;
        }
    }

    private static List<String> categories(JsonNode value, List<Problem> problems) {
        if (isAbsent(value)) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(new Problem("categories", "must be an array of text, found " + typeOf(value)));
            return List.of();
        }
        List<String> categories = new ArrayList<>(value.size());
        for (JsonNode category : value) {
            if (!category.isTextual()) {
                problems.add(new Problem("categories", "must hold only text, found " + typeOf(category)
                        + " at position " + (categories.size() + 1)));
                return List.of();
            }
            categories.add(category.textValue());
        }
        return categories;
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase();
        };
    }
}
