package org.bookdrop.book;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One book as it is stored: the row of the books table.
 *
 * @param id              the primary key; derived from the content when the input has none
 * @param publicationDate in UTC, as the table's {@code timestamp} column stores it
 * @param categories      never null; empty when the input has none
 */
public record Book(
        @Size(max = 200) String id,
        @NotBlank @Size(max = 1000) String title,
        @NotBlank @Size(max = 500) String author,
        LocalDateTime publicationDate,
        // Control characters are refused so that a category can never contain the separator
        // that the set-based insert uses to pack a row's categories into one value.
        @NotNull List<@NotBlank @Size(max = 200) @NoControlCharacters String> categories) {

    public Book withId(String newId) {
        return new Book(newId, title, author, publicationDate, categories);
    }
}
