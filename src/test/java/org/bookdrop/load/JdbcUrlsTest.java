package org.bookdrop.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void hides_a_password_parameter() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/doc?user=crate&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/doc?user=crate&password=***&ssl=true");
    }

    @Test
    void hides_a_password_in_the_user_info() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://crate:s3cret@db:5432/doc"))
                .isEqualTo("jdbc:postgresql://crate:***@db:5432/doc");
    }

    @Test
    void leaves_a_url_without_password_alone() {
        String url = "jdbc:postgresql://h1:5432,h2:5432/doc?user=crate&loadBalanceHosts=true";
        assertThat(JdbcUrls.redact(url)).isEqualTo(url);
    }
}
