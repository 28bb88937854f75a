package org.bookdrop.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDateTest {

    @ParameterizedTest(name = "{0} is {1} UTC")
    @CsvSource({
            "1979-10-12, 1979-10-12T00:00",
            "1979-10-12T10:00:00, 1979-10-12T10:00",
            "1979-10-12T10:00:00Z, 1979-10-12T10:00",
            "1979-10-12T10:00:00+02:00, 1979-10-12T08:00",
            "1979-10-12T01:30:00-03:00, 1979-10-12T04:30",
            "1979-10-12T23:30:00.250-01:00, 1979-10-13T00:30:00.250",
            "' 1980-01-01 ', 1980-01-01T00:00"
    })
    void reads_iso_dates_and_date_times_as_utc(String input, LocalDateTime utc) {
        assertThat(PublicationDate.parse(input)).isEqualTo(utc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/10/1979", "1979-13-01", "1979-02-30", "yesterday", "1979", "1979-10-12 10:00"})
    void refuses_anything_else_without_guessing(String input) {
        assertThatThrownBy(() -> PublicationDate.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + input + "' is not an ISO date");
    }
}
