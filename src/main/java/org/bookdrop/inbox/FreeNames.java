package org.bookdrop.inbox;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Names for the files bookdrop keeps in done and error that take nothing from an earlier import: a
 * file's own name while it is free, else the name with the import's start time before its
 * extension ({@code same-2026-12-02T063912Z.ndjson}), and a counter after that in the rare case
 * the stamp is taken too. A name counts as taken when any of its companions exists (a data file's
 * report and note), so a file and the files about it always share one name.
 */
public final class FreeNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Extensions that belong together at a name's end; the stamp goes before all of them. */
    private static final List<String> COMPRESSED = List.of(".gz");

    private FreeNames() {
    }

    /** The names to try for a file of this name, in order: the name itself, then with the stamp, then with a counter. */
    public static String candidate(String name, Instant stamp, int attempt) {
        if (attempt == 0) {
            return name;
        }
        String suffix = "-" + STAMP.format(stamp) + (attempt == 1 ? "" : "-" + attempt);
        int extension = extensionStart(name);
        return name.substring(0, extension) + suffix + name.substring(extension);
    }

    /**
     * The first name for {@code name} in {@code folder} that is free, with each of its companion
     * suffixes (e.g. {@code .report.json}) free too.
     */
    public static Path free(Path folder, String name, Instant stamp, List<String> companions) {
        for (int attempt = 0; ; attempt++) {
            String candidate = candidate(name, stamp, attempt);
            if (isFree(folder, candidate, companions)) {
                return folder.resolve(candidate);
            }
        }
    }

    static boolean isFree(Path folder, String name, List<String> companions) {
        if (Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (String companion : companions) {
            if (Files.exists(folder.resolve(name + companion), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    /** Where the extension starts: before {@code .ndjson.gz} as a whole; the name's end when it has none. */
    private static int extensionStart(String name) {
        String rest = name;
        for (String compressed : COMPRESSED) {
            if (rest.toLowerCase(Locale.ROOT).endsWith(compressed) && rest.length() > compressed.length()) {
                rest = rest.substring(0, rest.length() - compressed.length());
            }
        }
        int dot = rest.lastIndexOf('.');
        return dot > 0 ? dot : rest.length() == name.length() ? name.length() : rest.length();
    }
}
