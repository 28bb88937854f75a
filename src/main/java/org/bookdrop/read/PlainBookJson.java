package org.bookdrop.read;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.bookdrop.book.Book;
import org.bookdrop.book.PublicationDate;

/**
 * Reads a JSON object straight into a {@link Book}, token by token, when it has a book's plain
 * shape: only the book's fields, each once, each of the JSON type that
 * {@link org.bookdrop.check.BookMapper} takes without a word (text, a list of text, null), and a
 * publication date that reads. That is nearly every record of a catalogue, and it skips building
 * a JSON tree and walking it, which cost more than half of reading and checking a record.
 *
 * <p>Anything else (another field, a number, a repeated field, a date that does not read, JSON
 * that is not valid) gets null, and the record is read as a JSON tree and mapped by BookMapper,
 * which words what is wrong. For every record the two give the same book (PlainBookJsonTest).
 */
final class PlainBookJson {

    private static final JsonFactory JSON = new JsonFactory();

    private PlainBookJson() {
    }

    /** @return the book, or null when the JSON is not a plain book (or not valid) */
    static Book read(byte[] json, int offset, int length) {
        try (JsonParser parser = JSON.createParser(json, offset, length)) {
            return read(parser);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Book read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String id = null;
        String title = null;
        String author = null;
        String date = null;
        List<String> categories = List.of();
        int seen = 0;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            int field = switch (name) {
                case "id" -> 1;
                case "title" -> 2;
                case "author" -> 4;
                case "publication_date" -> 8;
                case "categories" -> 16;
                default -> 0;
            };
            if (field == 0 || (seen & field) != 0) {
                return null;
            }
            seen |= field;
            JsonToken value = parser.nextToken();
            if (field == 16) {
                categories = categories(parser, value);
                if (categories == null) {
                    return null;
                }
            } else if (value == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                switch (field) {
                    case 1 -> id = text.isBlank() ? null : text.strip();
                    case 2 -> title = text;
                    case 4 -> author = text;
                    default -> date = text;
                }
            } else if (value != JsonToken.VALUE_NULL) {
                return null;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            return null;
        }
        LocalDateTime publicationDate = date == null || date.isBlank() ? null : PublicationDate.parse(date);
        return new Book(id, title, author, publicationDate, categories);
    }

    private static List<String> categories(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (value != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> categories = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) == JsonToken.VALUE_STRING) {
            categories.add(parser.getText());
        }
        return element == JsonToken.END_ARRAY ? categories : null;
    }
}
