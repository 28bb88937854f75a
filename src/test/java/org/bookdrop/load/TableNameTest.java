package org.bookdrop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {

    @Test
    void quotes_a_plain_name() {
        assertThat(TableName.parse("books").quoted()).isEqualTo("\"books\"");
    }

    @Test
    void quotes_schema_and_table_apart() {
        assertThat(TableName.parse("doc.books_2").quoted()).isEqualTo("\"doc\".\"books_2\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Books", "books; DROP TABLE x", "books\"", "a.b.c", "1books", "doc.", "my-books"})
    void refuses_anything_but_plain_identifiers(String name) {
        assertThatThrownBy(() -> TableName.parse(name)).isInstanceOf(IllegalArgumentException.class);
    }
}
