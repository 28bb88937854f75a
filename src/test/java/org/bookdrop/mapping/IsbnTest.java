package org.bookdrop.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsbnTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0439023483", "0-439-02348-3", "0 439 02348 3", "=\"0439023483\"", "\"0439023483\"",
            "9780439023481", "978-0-439-02348-1", "978 0 439 02348 1", "=\"9780439023481\"", "ISBN 0-439-02348-3",
            "ISBN-13: 978-0-439-02348-1", "9780439023481.0", "0439023483 (pbk.)", "0-439-02348-3 : £6.99", "9780439023481 ;"})
    void reads_every_written_form_of_one_isbn_as_its_isbn_13(String written) {
        assertThat(Isbn.toIsbn13(written)).isEqualTo("9780439023481");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "080442957X|9780804429573",
            "0-8044-2957-x|9780804429573",
            "9791032000151|9791032000151"})
    void takes_an_x_check_digit_and_979_isbns(String written, String isbn13) {
        assertThat(Isbn.toIsbn13(written)).isEqualTo(isbn13);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0439023484|'0439023484' has a wrong check digit: an ISBN-10 starting 043902348 ends in 3",
            "9780439023482|'9780439023482' has a wrong check digit: an ISBN-13 starting 978043902348 ends in 1",
            "9.78043902348e+12|'9.78043902348e+12' is a number in scientific notation, which lost the ISBN's last digits (store the column as text)",
            "043902348|'043902348' is not an ISBN: 9 digits, where an ISBN-10 has 10 and an ISBN-13 has 13",
            "04390X3483|'04390X3483' is not an ISBN: X can only be its check digit",
            "1234567890123|'1234567890123' is not an ISBN-13: it must start with 978 or 979",
            "0439O23483|'0439O23483' is not an ISBN: it has 'O'"})
    void refuses_what_is_not_an_isbn_saying_why(String written, String reason) {
        assertThatThrownBy(() -> Isbn.toIsbn13(written)).isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
    }
}
