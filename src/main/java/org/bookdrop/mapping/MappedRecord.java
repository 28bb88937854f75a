package org.bookdrop.mapping;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.bookdrop.check.Problem;

/** What a mapping read from one record: the book's values, where each came from, and what was wrong. */
public final class MappedRecord {

    String id;
    String title;
    String author;
    LocalDateTime publicationDate;
    List<String> categories = List.of();
    final List<Problem> problems = new ArrayList<>(0);
    /** For each book field, how the source it came from is named in messages. */
    final String[] labels = new String[BookField.values().length];

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String author() {
        return author;
    }

    public LocalDateTime publicationDate() {
        return publicationDate;
    }

    public List<String> categories() {
        return categories;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * How a problem of a book field names it: the field alone when the mapping reads it from a
     * place of the same name, else the place and the field: {@code Original Publication Year -> publication_date}.
     */
    public String describe(BookField field) {
        String label = labels[field.ordinal()];
        return label == null || label.equals(field.key()) ? field.key() : label + " -> " + field.key();
    }

    void problem(BookField field, String label, String reason) {
        labels[field.ordinal()] = label;
        problems.add(new Problem(describe(field), reason));
    }
}
