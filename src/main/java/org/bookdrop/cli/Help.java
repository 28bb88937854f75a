package org.bookdrop.cli;

import java.util.List;
import java.util.Locale;

import org.bookdrop.load.JdbcUrls;
import org.bookdrop.read.BookFormat;

/** The text of {@code --help}: what each command does, its exit codes, and the settings it reads with their values now. */
final class Help {

    private record Setting(String variable, String property, String meaning) {
    }

    /** Read by import and validate alike, to read and check the files. */
    private static final List<Setting> READING = List.of(
            new Setting("BOOKDROP_CSV_DELIMITER", "bookdrop.csv-delimiter", "CSV field delimiter"),
            new Setting("BOOKDROP_MAX_RECORD_BYTES", "bookdrop.max-record-bytes", "longest NDJSON line read"),
            new Setting("BOOKDROP_STRICT", "bookdrop.strict", "reject records with fields that are not a book's"),
            new Setting("BOOKDROP_MAPPINGS", "bookdrop.mappings", "folder of your own mapping files (*.yaml)"),
            new Setting("BOOKDROP_MAPPING", "bookdrop.mapping", "a mapping that reads every file; --mapping overrides it"));

    private static final List<Setting> LOADING = List.of(
            new Setting("CRATEDB_URL", "cratedb.url", "JDBC URL of CrateDB; empty: an embedded PostgreSQL"),
            new Setting("BOOKDROP_TABLE", "bookdrop.table", "the books table"),
            new Setting("BOOKDROP_HISTORY_TABLE", "bookdrop.history-table", "the import history table"),
            new Setting("BOOKDROP_CLAIMS_TABLE", "bookdrop.claims-table", "where files are claimed while imported"),
            new Setting("BOOKDROP_INSTANCE", "bookdrop.instance", "the name files are claimed under; empty: the host's"),
            new Setting("BOOKDROP_MAX_CRASHES", "bookdrop.max-crashes", "imports stopped short after which a file is set aside"),
            new Setting("BOOKDROP_IMPORT_ONCE", "bookdrop.import-once", "skip files whose content was imported before"),
            new Setting("BOOKDROP_APPLY_DELETIONS", "bookdrop.apply-deletions",
                    "true: an ONIX Product with NotificationType 05 deletes its row"),
            new Setting("BOOKDROP_ERROR_FOLDER", "bookdrop.error-folder", "rejects and failed files, from the working folder"),
            new Setting("BOOKDROP_BATCH_SIZE", "bookdrop.batch-size", "records per upsert statement"),
            new Setting("BOOKDROP_WRITERS", "bookdrop.writers", "statements written at once"),
            new Setting("BOOKDROP_RETRY_FOR_SECONDS", "bookdrop.retry-for-seconds", "how long an unavailable database is retried"),
            new Setting("BOOKDROP_MAX_REJECT_RATIO", "bookdrop.max-reject-ratio", "share of rejects above which a file fails"));

    /** Validate writes nothing, but says whether an import could write there. */
    private static final Setting ERROR_FOLDER_CHECKED = new Setting("BOOKDROP_ERROR_FOLDER", "bookdrop.error-folder",
            "checked that an import could write there");

    private static final String EXIT_CODES = """
            Exit codes: 0 every record of every file landed; 2 some records were rejected;
                        3 a file could not be imported; 1 a wrong command line.
            """;

    private static final String MAPPING_OPTION = """
              --mapping FILE|NAME   read every file with this mapping: a mapping file, or a name such as goodreads
            """;

    /** The general help's widest line; the extensions, from BookFormat, are broken into lines this wide. */
    private static final int WIDTH = 102;

    private Help() {
    }

    static String general() {
        return "bookdrop: loads book catalogues (" + BookFormat.NAMES + ") into CrateDB.\n"
                + wrap("Files it reads: " + BookFormat.KNOWN + ".") + """

                  java -jar bookdrop.jar                    watch the inbox (BOOKDROP_INBOX), import what lands there
                  java -jar bookdrop.jar import FILE...     import these files now, print each report, exit
                  java -jar bookdrop.jar validate FILE...   dry run: check the files, print what would be rejected
                  java -jar bookdrop.jar COMMAND --help     the command's options and settings

                Every setting is an environment variable, or a -Dproperty before -jar; see the README.
                """;
    }

    static String importCommand() {
        return """
                Usage: java -jar bookdrop.jar import [--mapping FILE|NAME] FILE...

                """ + MAPPING_OPTION + """

                Imports the files now through the same stages as the watched inbox: read, checked,
                upserted, refreshed, verified. Each file's report is printed, logged, and added to the
                import history. The files stay where they are; rejected records and files that fail
                go to the error folder.

                """ + EXIT_CODES + "\nSettings read (value now):\n"
                + settings(LOADING, READING);
    }

    static String validateCommand() {
        return """
                Usage: java -jar bookdrop.jar validate [--mapping FILE|NAME] FILE...

                """ + MAPPING_OPTION + """

                A dry run: reads and checks each file as an import would, and prints each record that
                would be rejected, with its file, line (or record number) and reasons. Writes nothing
                and needs no database (the database's own checks, such as constraints, are not run).

                """ + EXIT_CODES + "\nSettings read (value now):\n" + settings(READING, List.of(ERROR_FOLDER_CHECKED));
    }

    @SafeVarargs
    private static String settings(List<Setting>... lists) {
        Settings values = new Settings();
        StringBuilder text = new StringBuilder();
        for (List<Setting> settings : lists) {
            for (Setting setting : settings) {
                String value = values.get(setting.property());
                if (setting.variable().equals("CRATEDB_URL")) {
                    value = JdbcUrls.redact(value);
                }
                text.append(String.format(Locale.ROOT, "  %-28s %-28s %s%n", setting.variable(),
                        value.isEmpty() ? "(empty)" : value, setting.meaning()));
            }
        }
        return text.toString();
    }

    /** The text in lines of at most {@link #WIDTH} characters, broken between words. */
    private static String wrap(String text) {
        StringBuilder lines = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (lines.length() > lineStart && lines.length() - lineStart + 1 + word.length() > WIDTH) {
                lines.append('\n');
                lineStart = lines.length();
            } else if (lines.length() > lineStart) {
                lines.append(' ');
            }
            lines.append(word);
        }
        return lines.append('\n').toString();
    }
}
