package org.bookdrop.load;

import java.util.regex.Pattern;

/** Keeps passwords out of log lines and reports. */
public final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):[^/@]*@");

    private JdbcUrls() {
    }

    public static String redact(String jdbcUrl) {
        String withoutPassword = PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(withoutPassword).replaceAll("//$1:***@");
    }
}
