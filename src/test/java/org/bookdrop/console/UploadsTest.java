package org.bookdrop.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.HostAndPort;
import org.junit.jupiter.api.Test;

class UploadsTest {

    @Test
    void a_name_keeps_only_its_last_part_and_plain_characters() {
        assertThat(Uploads.cleanName("../../etc/passwd.json")).isEqualTo("passwd.json");
        assertThat(Uploads.cleanName("C:\\Users\\ann\\books.csv")).isEqualTo("books.csv");
        assertThat(Uploads.cleanName("<img src=x onerror=alert(1)>.json")).isEqualTo("_img src=x onerror=alert(1)_.json");
        assertThat(Uploads.cleanName("...hidden.json")).isEqualTo("hidden.json");
        assertThat(Uploads.cleanName("Bücher 2026 (Frühjahr).csv")).isEqualTo("Bücher 2026 (Frühjahr).csv");
        assertThat(Uploads.cleanName("line\nbreak\u0000.json")).isEqualTo("line_break_.json");
        assertThat(Uploads.cleanName("..")).isEmpty();
        assertThat(Uploads.cleanName("/")).isEmpty();
        assertThat(Uploads.cleanName(null)).isEmpty();
    }

    @Test
    void a_long_name_is_cut_keeping_its_extension() {
        String name = Uploads.cleanName("a".repeat(500) + ".ndjson.gz");
        assertThat(name).hasSize(200).endsWith("a.gz");
        assertThat(Uploads.cleanName("b".repeat(300) + ".ndjson")).hasSize(200).endsWith(".ndjson");
    }

    @Test
    void an_upload_is_taken_only_from_a_page_of_the_same_address() {
        assertThat(Uploads.sameAuthority("http://127.0.0.1:8080", HostAndPort.create("127.0.0.1", 8080))).isTrue();
        assertThat(Uploads.sameAuthority("http://LOCALHOST", HostAndPort.create("localhost", -1))).isTrue();
        assertThat(Uploads.sameAuthority("https://books.example", HostAndPort.create("books.example", 443))).isTrue();
        assertThat(Uploads.sameAuthority("http://evil.example:8080", HostAndPort.create("127.0.0.1", 8080))).isFalse();
        assertThat(Uploads.sameAuthority("http://127.0.0.1:9090", HostAndPort.create("127.0.0.1", 8080))).isFalse();
        assertThat(Uploads.sameAuthority("null", HostAndPort.create("127.0.0.1", 8080))).isFalse();
        assertThat(Uploads.sameAuthority("http://127.0.0.1:8080", null)).isFalse();
    }
}
