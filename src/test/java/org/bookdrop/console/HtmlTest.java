package org.bookdrop.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void text_escapes_everything_that_could_open_markup_or_leave_an_attribute() {
        assertThat(Html.text("<script>alert('x')</script> & \"q\"")).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.text(null)).isEmpty();
    }

    @Test
    void a_link_encodes_its_parameters_leaves_out_blank_ones_and_is_escaped_for_an_attribute() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("file", "<b>&\".json");
        parameters.put("status", "");
        parameters.put("started", 12L);
        assertThat(Html.href("/import", parameters)).isEqualTo("/import?file=%3Cb%3E%26%22.json&amp;started=12");
    }
}
