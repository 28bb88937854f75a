package org.bookdrop.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatePatternsTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = {
            "yyyy|2008|2008-01-01",
            "yyyy-MM|2008-09|2008-09-01",
            "MMMM yyyy|March 1999|1999-03-01",
            "MMMM yyyy|march 1999|1999-03-01",
            "MMM d, yyyy|Sep 14, 2008|2008-09-14",
            "dd/MM/yyyy|12/10/1979|1979-10-12",
            "MM/dd/yyyy|10/12/1979|1979-10-12",
            "yyyy/MM/dd|1979/10/12|1979-10-12",
            "yyyy.0|2008.0|2008-01-01",
            "year|2008|2008-01-01",
            "year|2008.0|2008-01-01",
            "first-year|c1999.|1999-01-01",
            "first-year|[1999?]|1999-01-01",
            "first-year|\u00a92001|2001-01-01",
            "first-year|1999-2001|1999-01-01",
            "first-year|printing 12345 of 1984|1984-01-01",
            "iso|1979-10-12T10:00:00+02:00|1979-10-12"})
    void reads_each_pattern(String pattern, String value, String date) {
        assertThat(DatePatterns.of(List.of(pattern)).parse(value).toLocalDate()).isEqualTo(LocalDate.parse(date));
    }

    @Test
    void tries_the_patterns_in_order_and_refuses_a_value_none_reads_naming_them() {
        DatePatterns patterns = DatePatterns.of(List.of("dd/MM/yyyy", "yyyy"));

        assertThat(patterns.parse("2008").toLocalDate()).isEqualTo(LocalDate.of(2008, 1, 1));
        assertThat(patterns.parse("31/12/2008").toLocalDate()).isEqualTo(LocalDate.of(2008, 12, 31));
        assertThat(patterns.parse("20o8")).isNull();
        assertThat(patterns.refusal("20o8")).isEqualTo("'20o8' matches none of dd/MM/yyyy, yyyy");
        assertThat(patterns.parse("31/02/2008")).as("a day that does not exist").isNull();
        assertThat(DatePatterns.of(List.of("first-year")).parse("19uu")).as("no year to read").isNull();
        assertThat(DatePatterns.of(List.of("year")).parse("-720")).as("a year before the common era: no date").isNull();
    }

    @Test
    void refuses_a_pattern_that_is_not_a_days_pattern() {
        assertThatThrownBy(() -> DatePatterns.of(List.of("MM/dd"))).hasMessageContaining("has no year");
        assertThatThrownBy(() -> DatePatterns.of(List.of("yyyy-MM-dd HH:mm"))).hasMessageContaining("has a time of day");
        assertThatThrownBy(() -> DatePatterns.of(List.of("yyyy {"))).hasMessageContaining("is not a date pattern");
    }
}
