package org.bookdrop.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The console's optional basic authentication (BOOKDROP_WEB_USER and BOOKDROP_WEB_PASSWORD), in the
 * form Camel's HTTP servers take it: a Vert.x properties file ({@code user.NAME=PASSWORD}), written
 * at start into a private temporary file readable by bookdrop's user only and deleted when it
 * exits. That form cannot hold every character, so a name or password it would misread is refused
 * at start with a message saying which, never quietly cut.
 */
public final class WebLogin {

    private WebLogin() {
    }

    /** Whether both are set; one without the other is a mistake that stops bookdrop. */
    public static boolean wanted(String user, String password) {
        boolean hasUser = user != null && !user.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasUser != hasPassword) {
            throw new IllegalArgumentException("BOOKDROP_WEB_USER and BOOKDROP_WEB_PASSWORD go together: set both to ask "
                    + "for a login, or neither");
        }
        return hasUser;
    }

    /** Writes the file Camel's basic authentication reads, and gives its path. */
    public static Path writeFile(String user, String password) {
        String name = user.strip();
        if (!name.matches("[^\\s=,#]+")) {
            throw new IllegalArgumentException("BOOKDROP_WEB_USER may not hold spaces, '=', ',' or '#'");
        }
        if (password.contains(",") || password.contains("\n") || password.contains("\r") || !password.equals(password.strip())) {
            throw new IllegalArgumentException("BOOKDROP_WEB_PASSWORD may not hold ',' or line breaks, nor begin or end with "
                    + "a space (Camel's basic authentication file cannot hold them)");
        }
        try {
            Path file = Files.createTempFile("bookdrop-web-login", ".properties",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            Files.writeString(file, "user." + name + "=" + password + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the console's login file: " + e.getMessage(), e);
        }
    }
}
