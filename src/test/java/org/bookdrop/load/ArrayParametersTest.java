package org.bookdrop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.bookdrop.book.Book;
import org.bookdrop.book.BookRow;
import org.bookdrop.e2e.Databases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The array parameters bookdrop writes, sent to a real server and read back, binary and as text literals. */
class ArrayParametersTest {

    private static final String[] TEXTS = {
        "plain", null, "", "Café crème", "日本語の本", "𝄞 a clef and 😀", "a \"quote\" and a back\\slash",
        "commas, {braces} and 'apostrophes'", "NULL", "line\nbreak\ttab", "a lone \uD800 surrogate",
    };

    static Stream<Arguments> servers() {
        String crateDb = System.getenv("CRATEDB_URL");
        return Stream.of(
                Arguments.of("PostgreSQL", Databases.postgresUrl(), true),
                Arguments.of("PostgreSQL", Databases.postgresUrl(), false),
                Arguments.of("CrateDB", crateDb, true),
                Arguments.of("CrateDB", crateDb, false));
    }

    @ParameterizedTest(name = "{0}, binary transfer {2}")
    @MethodSource("servers")
    void texts_come_back_as_sent_with_nulls_and_any_character(String server, String url, boolean binary) throws Exception {
        try (Connection connection = connect(server, url, binary)) {
            List<String> back = roundTrip(connection, TextArray.of(TEXTS));

            List<String> expected = new ArrayList<>(Arrays.asList(TEXTS));
            expected.set(expected.size() - 1, "a lone ? surrogate");
            assertThat(back).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}, binary transfer {2}")
    @MethodSource("servers")
    void a_batch_of_rows_comes_back_column_by_column_as_the_books_were(String server, String url, boolean binary) throws Exception {
        List<Book> books = List.of(
                new Book("b-1", "Dune", "Frank Herbert", LocalDateTime.of(1965, 8, 1, 0, 0), List.of("Fiction", "Science — fiction")),
                new Book("b-2", "Ünïcode \"quoted\" back\\slash 😀", null, null, List.of()),
                new Book("b-3", "Old", "Anon", LocalDateTime.of(1066, 10, 14, 9, 30, 15, 250_000_000), List.of("History")),
                new Book("b-4", "Before the epoch", "X", LocalDateTime.of(1900, 1, 1, 0, 0), List.of("a", "b", "c")));
        List<BookRow> rows = books.stream().map(BookRow::of).toList();
        try (Connection connection = connect(server, url, binary);
             PreparedStatement select = connection.prepareStatement("SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[])")) {
            RowColumn[] columns = RowColumn.of(rows);
            select.setObject(1, columns[BookRow.ID]);
            select.setObject(2, columns[BookRow.TITLE]);
            select.setObject(3, columns[BookRow.AUTHOR]);
            select.setObject(4, columns[BookRow.PUBLICATION_DATE]);
            select.setObject(5, columns[BookRow.CATEGORIES]);
            List<Book> back = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    long millis = result.getLong(4);
                    LocalDateTime date = result.wasNull() ? null
                            : LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC);
                    String categories = result.getString(5);
                    back.add(new Book(result.getString(1), result.getString(2), result.getString(3), date,
                            categories.isEmpty() ? List.of() : List.of(categories.split(BookRow.CATEGORY_SEPARATOR))));
                }
            }

            assertThat(back).containsExactlyElementsOf(books);
        }
    }

    @ParameterizedTest(name = "{0}, binary transfer {2}")
    @MethodSource("servers")
    void an_empty_array_is_an_empty_array(String server, String url, boolean binary) throws Exception {
        try (Connection connection = connect(server, url, binary)) {
            assertThat(roundTrip(connection, TextArray.of(new String[0]))).isEmpty();
        }
    }

    private static Connection connect(String server, String url, boolean binary) throws Exception {
        Assumptions.assumeTrue(url != null, server + " is not reachable here: CRATEDB_URL is not set");
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "binaryTransfer=" + binary);
    }

    /**
     * Each element read on its own: CrateDB writes an array's text form without escaping quotes
     * or backslashes, so reading the array whole would lose them on the way back, not on the way in.
     */
    private static List<String> roundTrip(Connection connection, TextArray array) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM unnest(?::text[])")) {
            select.setObject(1, array);
            List<String> back = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    back.add(rows.getString(1));
                }
            }
            return back;
        }
    }
}
