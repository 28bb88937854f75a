package org.bookdrop.read;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bookdrop.book.Book;
import org.bookdrop.book.BookRow;
import org.bookdrop.book.PublicationDate;

/**
 * Reads a JSON object straight into a {@link Book}, byte by byte, when it has a book's plain
 * shape: only the book's fields, each once, each of the JSON type that
 * {@link org.bookdrop.check.BookMapper} takes without a word (text, a list of text, null), and a
 * publication date that reads. That is nearly every record of a catalogue, and it skips building
 * a JSON tree and walking it, and even a JSON parser: making one of Jackson's parsers for each line
 * cost a third of the bytes bookdrop allocated per book.
 *
 * <p>It reads only what it is sure of. Anything else (another field, a number, a repeated field, a
 * date that does not read, an escaped field name, bytes that are not UTF-8, a very long line, JSON
 * that is not valid) gets null, and the record is read by Jackson as a JSON tree and mapped by
 * BookMapper, which words what is wrong. For every record the two give the same book
 * (PlainBookJsonTest).
 */
final class PlainBookJson {

    /** Longer lines go to Jackson, whose limits (on a text's length, say) then apply as they always have. */
    private static final int LONGEST = 1 << 20;

    /** The fields' names, in the order of their bits. */
    private static final byte[][] NAMES = {name("id"), name("title"), name("author"), name("publication_date"), name("categories")};

    /** Thrown, without a stack trace, as soon as the line is not a plain book. */
    private static final class NotPlain extends RuntimeException {
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super("not a plain book", null, false, false);
        }
    }

    private final byte[] json;
    private final int end;
    private int at;
    /**
     * Where each text stands in the line, as from and to (-1 for null): id, title, author, then
     * the categories; so that the book's row can copy them as they are, unless one was escaped.
     */
    private int[] spans = {-1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
    private int texts = 3;
    private boolean escaped;

    private PlainBookJson(byte[] json, int offset, int length) {
        this.json = json;
        this.at = offset;
        this.end = offset + length;
    }

    /** @return the book and its row, or null when the JSON is not a plain book (or not valid) */
    static PlainBook read(byte[] json, int offset, int length) {
        if (length > LONGEST) {
            return null;
        }
        try {
            return new PlainBookJson(json, offset, length).book();
        } catch (NotPlain | IllegalArgumentException e) {
            return null;
        }
    }

    private PlainBook book() {
        skipByteOrderMark();
        skipWhitespace();
        expect('{');
        String id = null;
        String title = null;
        String author = null;
        String date = null;
        boolean idAsInLine = false;
        List<String> categories = List.of();
        int seen = 0;
        skipWhitespace();
        if (peek() == '}') {
            at++;
        } else {
            while (true) {
                int field = fieldName();
                if ((seen & field) != 0) {
                    throw NotPlain.INSTANCE;
                }
                seen |= field;
                skipWhitespace();
                expect(':');
                skipWhitespace();
                switch (field) {
                    case 1 -> {
                        String text = textOrNull(0);
                        id = text == null || text.isBlank() ? null : text.strip();
                        idAsInLine = id != null && id.length() == text.length();
                    }
                    case 2 -> title = textOrNull(1);
                    case 4 -> author = textOrNull(2);
                    case 8 -> date = textOrNull(-1);
                    default -> categories = categories();
                }
                skipWhitespace();
                byte next = next();
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    throw NotPlain.INSTANCE;
                }
                skipWhitespace();
            }
        }
        skipWhitespace();
        if (at != end) {
            throw NotPlain.INSTANCE;
        }
        LocalDateTime publicationDate = date == null || date.isBlank() ? null : PublicationDate.parse(date);
        Book book = new Book(id, title, author, publicationDate, categories);
        // The row straight from the line's bytes, when the book's texts are exactly those bytes: none
        // escaped, and an id that was there and had nothing to strip (else the id changes, and the
        // check makes the row from the book).
        return new PlainBook(book, idAsInLine && !escaped ? BookRow.ofUtf8(json, spans, texts, publicationDate) : null);
    }

    /** @return the field's bit: 1 id, 2 title, 4 author, 8 publication_date, 16 categories */
    private int fieldName() {
        expect('"');
        // The one name the first byte allows; the field's bit is 1 << its index.
        int index = switch (peek()) {
            case 'i' -> 0;
            case 't' -> 1;
            case 'a' -> 2;
            case 'p' -> 3;
            case 'c' -> 4;
            default -> throw NotPlain.INSTANCE;
        };
        byte[] name = NAMES[index];
        // The name and its closing quote: any other name (or an escaped one) is not a plain book's.
        int after = at + name.length;
        if (after >= end || json[after] != '"') {
            throw NotPlain.INSTANCE;
        }
        // A loop, not Arrays.equals, whose vectorised compare costs more than it saves on a dozen bytes.
        for (int i = 1; i < name.length; i++) {
            if (json[at + i] != name[i]) {
                throw NotPlain.INSTANCE;
            }
        }
        at = after + 1;
        return 1 << index;
    }

    /** A list of texts; null is an empty list. */
    private List<String> categories() {
        if (peek() == 'n') {
            expectNull();
            return List.of();
        }
        expect('[');
        List<String> categories = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return categories;
        }
        while (true) {
            expect('"');
            categories.add(text(texts++));
            skipWhitespace();
            byte next = next();
            if (next == ']') {
                return categories;
            }
            if (next != ',') {
                throw NotPlain.INSTANCE;
            }
            skipWhitespace();
        }
    }

    /** @param index the text's place in {@link #spans}, or -1 for a text the row does not take as it is */
    private String textOrNull(int index) {
        if (peek() == 'n') {
            expectNull();
            return null;
        }
        expect('"');
        return text(index);
    }

    private void expectNull() {
        if (end - at < 4 || json[at] != 'n' || json[at + 1] != 'u' || json[at + 2] != 'l' || json[at + 3] != 'l') {
            throw NotPlain.INSTANCE;
        }
        at += 4;
    }

    /** A JSON string's text, from after its opening quote to after its closing one; its span kept at index. */
    private String text(int index) {
        int start = at;
        boolean ascii = true;
        while (true) {
            if (at == end) {
                throw NotPlain.INSTANCE;
            }
            byte b = json[at];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                escaped |= index >= 0;
                return escapedText(start);
            }
            if (b >= 0 && b < 0x20) {
                throw NotPlain.INSTANCE; // a control character must be escaped in JSON
            }
            ascii &= b >= 0;
            at++;
        }
        String text = ascii ? new String(json, start, at - start, StandardCharsets.ISO_8859_1) : utf8(start, at);
        if (index >= 0) {
            keepSpan(index, start, at);
        }
        at++;
        return text;
    }

    private void keepSpan(int index, int from, int to) {
        if (2 * index + 1 >= spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        spans[2 * index] = from;
        spans[2 * index + 1] = to;
    }

    private String escapedText(int start) {
        StringBuilder text = new StringBuilder(at - start + 16);
        int segment = start;
        while (true) {
            if (at == end) {
                throw NotPlain.INSTANCE;
            }
            byte b = json[at];
            if (b == '"') {
                text.append(utf8(segment, at));
                at++;
                return text.toString();
            }
            if (b >= 0 && b < 0x20) {
                throw NotPlain.INSTANCE;
            }
            if (b != '\\') {
                at++;
                continue;
            }
            text.append(utf8(segment, at));
            at++;
            byte escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> text.append((char) escaped);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append(hexChar());
                default -> throw NotPlain.INSTANCE;
            }
            segment = at;
        }
    }

    private char hexChar() {
        if (end - at < 4) {
            throw NotPlain.INSTANCE;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(json[at++], 16);
            if (digit < 0) {
                throw NotPlain.INSTANCE;
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    /** Bytes that are not UTF-8 are left to Jackson, which says where they are. */
    private String utf8(int from, int to) {
        String text = new String(json, from, to - from, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            throw NotPlain.INSTANCE; // a replaced byte, or a real U+FFFD: Jackson tells them apart
        }
        return text;
    }

    private void skipByteOrderMark() {
        if (end - at >= 3 && json[at] == (byte) 0xEF && json[at + 1] == (byte) 0xBB && json[at + 2] == (byte) 0xBF) {
            at += 3;
        }
    }

    private void skipWhitespace() {
        while (at < end) {
            byte b = json[at];
            if (b > ' ' || b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return;
            }
            at++;
        }
    }

    private byte peek() {
        if (at == end) {
            throw NotPlain.INSTANCE;
        }
        return json[at];
    }

    private byte next() {
        byte b = peek();
        at++;
        return b;
    }

    private void expect(char c) {
        if (next() != c) {
            throw NotPlain.INSTANCE;
        }
    }

    private static byte[] name(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
