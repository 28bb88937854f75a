package org.bookdrop.book;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Derives an id for a book that arrives without one, from its content, so that dropping the same
 * file twice upserts the same rows instead of adding copies.
 */
public final class BookId {

    private static final char FIELD_SEPARATOR = '\u001F';

    private BookId() {
    }

    public static String derive(Book book) {
        StringBuilder content = new StringBuilder()
                .append(book.title()).append(FIELD_SEPARATOR)
                .append(book.author()).append(FIELD_SEPARATOR)
                .append(book.publicationDate()).append(FIELD_SEPARATOR);
        book.categories().forEach(category -> content.append(category).append(FIELD_SEPARATOR));
        byte[] digest = sha256().digest(content.toString().getBytes(StandardCharsets.UTF_8));
        // 128 bits of SHA-256 are plenty to keep distinct books apart, and half as long to read.
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
