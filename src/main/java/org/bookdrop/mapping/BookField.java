package org.bookdrop.mapping;

import java.util.Arrays;
import java.util.Optional;

/** The columns of the books table that a mapping fills, by the names mapping files use. */
public enum BookField {
    ID("id"),
    TITLE("title"),
    AUTHOR("author"),
    PUBLICATION_DATE("publication_date"),
    CATEGORIES("categories");

    private final String key;

    BookField(String key) {
        this.key = key;
    }

    /** The field's name in mapping files, reports and messages: {@code publication_date}. */
    public String key() {
        return key;
    }

    public static Optional<BookField> of(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }
}
