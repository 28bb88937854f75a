package org.bookdrop.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.bookdrop.book.Book;

/**
 * One line of an NDJSON file, kept as its bytes and read as JSON only when first asked, in the
 * check stage, so that the lines of a batch can be read on several threads while the file is read
 * line by line. A line with a book's plain shape is read straight into the book
 * ({@link PlainBookJson}); its JSON tree is made only if the record is rejected. Any other line is
 * read as a JSON tree, and a line that is not JSON is unreadable, with Jackson's reason and column.
 * A line is read on one thread at a time: its check, then its writer or rejects file.
 */
final class JsonLine {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of a line that cannot be read is kept for the rejects file. */
    static final int ORIGINAL_KEPT = 10_000;

    private final byte[] bytes;
    private final String columnsBefore;
    private boolean read;
    private PlainBook plainBook;
    private JsonNode tree;
    private JsonNode unreadableText;
    private String unreadable;

    JsonLine(byte[] bytes, String columnsBefore) {
        this.bytes = bytes;
        this.columnsBefore = columnsBefore;
    }

    String columnsBefore() {
        return columnsBefore;
    }

    PlainBook plainBook() {
        read(true);
        return plainBook;
    }

    JsonNode fields() {
        read(false);
        if (plainBook != null && tree == null) {
            tree = tree();
        }
        return tree;
    }

    JsonNode original() {
        return unreadable() != null ? unreadableText : fields();
    }

    String unreadable() {
        read(false);
        return unreadable;
    }

    /** @param plain whether to try reading the line straight into a book (bookdrop's own shape only) */
    private void read(boolean plain) {
        if (read) {
            return;
        }
        read = true;
        plainBook = plain ? PlainBookJson.read(bytes, 0, bytes.length) : null;
        if (plainBook == null) {
            try {
                tree = JSON.readTree(bytes);
            } catch (JsonProcessingException e) {
                unreadable = "not valid JSON at column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage();
                unreadableText = TextNode.valueOf(text(bytes));
            } catch (IOException e) {
                unreadable = "cannot be read: " + e.getMessage();
                unreadableText = TextNode.valueOf(text(bytes));
            }
        }
    }

    /**
     * Lets go of the book read from the line, once checked: the checked book keeps its row. Should
     * the line be wanted again (its row refused by the database), it is read again from its bytes.
     */
    void forget() {
        if (plainBook != null) {
            plainBook = null;
            read = false;
        }
    }

    /** Whether the line was read as a JSON tree (a line of a book's plain shape need not be). */
    boolean readAsTree() {
        return tree != null;
    }

    private JsonNode tree() {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("a line read as JSON once cannot be read again: " + e.getMessage(), e);
        }
    }

    static String text(byte[] line, int length) {
        return new String(line, 0, Math.min(length, ORIGINAL_KEPT), StandardCharsets.UTF_8);
    }

    private static String text(byte[] line) {
        return text(line, line.length);
    }
}
