package org.bookdrop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.bookdrop.e2e.Databases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The text arrays bookdrop writes, sent to a real server and read back, binary and as text literals. */
class TextArrayTest {

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
    void lists_travel_joined_by_the_separator(String server, String url, boolean binary) throws Exception {
        @SuppressWarnings("unchecked")
        List<String>[] lists = new List[] {List.of("Fiction", "Science — fiction"), List.of(), List.of("Ünïcode")};
        try (Connection connection = connect(server, url, binary)) {
            List<String> back = roundTrip(connection, TextArray.joined(lists, "\u001F"));

            assertThat(back).containsExactly("Fiction\u001FScience — fiction", "", "Ünïcode");
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
