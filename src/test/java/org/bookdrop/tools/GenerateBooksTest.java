package org.bookdrop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class GenerateBooksTest {

    /** The benchmark's shop files are read with the same mapping the README's example shows. */
    @Test
    void the_shop_mapping_is_the_one_in_sample_data() throws Exception {
        assertThat(GenerateBooks.SHOP_MAPPING).isEqualTo(Files.readString(Path.of("sample-data", "shop.yaml")));
    }
}
