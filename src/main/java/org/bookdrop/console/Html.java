package org.bookdrop.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The console's HTML: every value from a file, a record or a request goes through {@link #text},
 * so that a title like {@code <script>} is shown, never run; the pages load no script but the
 * console's own (and the Content-Security-Policy that {@link WebResponses} sends allows no other).
 */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** The value as text in an element or an attribute: {@code & < > " '} escaped; null as empty. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A count as people read it: 1,204. */
    static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** A link's address: the path and its query parameters, encoded (blank ones left out), escaped for an attribute. */
    static String href(String path, Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return text(query.length() == 0 ? path : path + "?" + query);
    }

    /** A whole page: the console's header with its navigation, the page's own HTML, its stylesheet and script. */
    static String page(String title, String current, String body) {
        StringBuilder nav = new StringBuilder();
        for (String[] item : new String[][] {{"/", "Overview"}, {"/imports", "Imports"}, {"/books", "Books"}}) {
            nav.append("<a href=\"").append(item[0]).append('"')
                    .append(item[1].equals(current) ? " aria-current=\"page\"" : "").append('>').append(item[1]).append("</a>");
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · bookdrop</title>
                <link rel="stylesheet" href="/assets/console.css">
                <script src="/assets/console.js" defer></script>
                </head>
                <body>
                <header><strong class="brand">bookdrop</strong><nav>%s</nav></header>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(text(title), nav, body);
    }

    /** Links to the previous and next pages of a list, keeping its filters. */
    static String pager(String path, Map<String, ?> filters, int page, int pageSize, long total) {
        long pages = Math.max(1, (total + pageSize - 1) / pageSize);
        StringBuilder out = new StringBuilder("<nav class=\"pager\">");
        if (page > 1) {
            out.append("<a rel=\"prev\" href=\"").append(href(path, with(filters, page - 1))).append("\">← previous</a> ");
        }
        out.append("<span>page ").append(page).append(" of ").append(count(pages)).append(" (").append(count(total))
                .append(")</span>");
        if (page < pages) {
            out.append(" <a rel=\"next\" href=\"").append(href(path, with(filters, page + 1))).append("\">next →</a>");
        }
        return out.append("</nav>").toString();
    }

    private static Map<String, Object> with(Map<String, ?> filters, int page) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(filters);
        all.put("page", page);
        return all;
    }
}
