package org.bookdrop.tools;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.main.Main;
import org.apache.commons.io.file.PathUtils;
import org.bookdrop.Bookdrop;
import org.bookdrop.check.BookChecker;
import org.bookdrop.check.BookValidator;
import org.bookdrop.load.Database;
import org.bookdrop.load.Dialect;
import org.bookdrop.load.TableName;
import org.bookdrop.mapping.Mapping;
import org.bookdrop.mapping.MappingFile;
import org.bookdrop.mapping.Mappings;
import org.bookdrop.read.Batches;
import org.bookdrop.read.BookFiles;
import org.bookdrop.read.ReadAhead;
import org.bookdrop.read.RecordReader;
import org.bookdrop.read.SourceRecord;
import org.bookdrop.report.FileImport;

/**
 * Measures, in one run on one generated NDJSON file, bookdrop's end-to-end rate against the other
 * ways of loading the same books into the configured database (CRATEDB_URL, else an embedded
 * PostgreSQL), bookdrop's parse-and-validate rate against a plain Jackson parse, and its memory;
 * and the same books as CSV, as a shop's CSV through a mapping, as MARC 21 and as an ONIX feed,
 * parsed and end to end; and the ONIX feed's own books as NDJSON, end to end, so that the feed is
 * also held against the same rows in the format that costs least to read. Prints one table and
 * writes it as JSON. With several runs it reports the median and the spread; a rate with no
 * database is each run's fastest of three passes. The big-file options import a file of that many
 * books with bookdrop.jar in a JVM of 256 MB of heap.
 *
 * <pre>java -cp target/bookdrop.jar org.bookdrop.tools.Benchmark [--books 500000] [--runs 3] [--out target/benchmark.json]
 *     [--big-file-books N] [--big-mapped-books N] [--big-onix-books N] [--only "unnest|bookdrop, drop"]</pre>
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SINGLE_INSERT_SAMPLE = 3000;
    /** The pause after the tables of the methods before are dropped, before the next is measured. */
    private static final long SETTLE_MILLIS = 5000;
    /** The passes over the file of which a rate with no database takes the fastest (see {@link #parseOnly}). */
    private static final int PARSE_PASSES = 3;
    /** Built once: a validator factory costs a tenth of a second, which is not reading or checking. */
    private static final BookValidator VALIDATOR = new BookValidator();
    private static final String PARSE = "bookdrop parse and validate, no database";
    private static final String CSV_PARSE = "bookdrop parse and validate, CSV in bookdrop's shape, no database";
    private static final String MAPPED_PARSE = "bookdrop parse and validate, mapped CSV (shop.yaml), no database";
    private static final String MARC_PARSE = "bookdrop parse and map, MARC 21 (marc21 mapping), no database";
    private static final String ONIX_PARSE = "bookdrop parse and map, ONIX 3.0 feed (onix mapping), no database";
    static final String BOOKDROP_SEARCHABLE = "bookdrop, drop to searchable (validated, upserted, refreshed)";
    static final String BOOKDROP_VERIFIED = "bookdrop, drop to report (and every row looked up again)";
    static final String MARC_SEARCHABLE = "bookdrop, MARC 21 file, drop to searchable";
    static final String ONIX_SEARCHABLE = "bookdrop, ONIX 3.0 feed, drop to searchable";
    static final String ONIX_BOOKS_SEARCHABLE = "bookdrop, the ONIX feed's own books as NDJSON, drop to searchable";
    private static final String UNNEST = "UNNEST arrays, 10,000 rows a statement, 2 connections";

    private final Database database;
    private final String jdbcUrl;
    private final Path work;
    private final Path books;
    private final long bookCount;
    /** Each run writes tables of its own: a dropped table's cached prepared statements would fail. */
    private int run;
    /** With --only: parts of the names of the methods to measure (case ignored); empty: all. */
    private final List<String> only;
    /** CPU seconds per 100,000 rows of each method: of this JVM, and of the whole machine. */
    private final Map<String, List<Double>> jvmCpu = new LinkedHashMap<>();
    private final Map<String, List<Double>> machineCpu = new LinkedHashMap<>();
    /** The tables made for the methods measured so far, dropped before the next one ({@link #freshTable}). */
    private final List<TableName> tablesMade = new ArrayList<>();
    /** Milliseconds from each small file's move into the inbox to its rows being searchable, over all runs. */
    private final List<Double> smallFileMillis = new ArrayList<>();

    private Benchmark(Database database, String jdbcUrl, Path work, Path books, long bookCount, List<String> only) {
        this.database = database;
        this.jdbcUrl = jdbcUrl;
        this.work = work;
        this.books = books;
        this.bookCount = bookCount;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        long count = 500_000;
        long bigFileBooks = 0;
        long bigMappedBooks = 0;
        long bigOnixBooks = 0;
        int runs = 1;
        Path out = Path.of("target", "benchmark.json");
        Path workParent = null;
        List<String> only = List.of();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--books" -> count = Long.parseLong(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--big-file-books" -> bigFileBooks = Long.parseLong(args[i + 1]);
                case "--big-mapped-books" -> bigMappedBooks = Long.parseLong(args[i + 1]);
                case "--big-onix-books" -> bigOnixBooks = Long.parseLong(args[i + 1]);
                case "--work" -> workParent = Files.createDirectories(Path.of(args[i + 1]));
                case "--only" -> only = List.of(args[i + 1].toLowerCase(Locale.ROOT).split("\\|"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String url = System.getenv().getOrDefault("CRATEDB_URL", "");
        Path work = workParent == null ? Files.createTempDirectory("bookdrop-benchmark-")
                : Files.createTempDirectory(workParent, "bookdrop-benchmark-");
        // Made-up books, no secret: readable by the database server's user, so that COPY FROM can read
        // the file when the server runs on this machine.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path books = work.resolve("books.ndjson");
        new GenerateBooks(42, 0).write(books, count);
        Files.setPosixFilePermissions(books, PosixFilePermissions.fromString("rw-r--r--"));
        System.out.printf(Locale.ROOT, "Generated %,d books, %,d bytes: %s%n", count, Files.size(books), books);
        try (Database database = Database.open(url, 4)) {
            String target = url.isBlank() ? database.jdbcUrl() : url;
            Benchmark benchmark = new Benchmark(database, target, work, books, count, only);
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            Map<String, String> notes = new LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                System.out.printf("Run %d of %d on %s%n", run, runs, database.dialect().name());
                benchmark.run = run;
                benchmark.runOnce(rates, notes);
            }
            if (bigFileBooks + bigMappedBooks + bigOnixBooks > 0) {
                // The table so far first, so that a big file that fails does not lose it; again at the end.
                benchmark.report(rates, notes, runs, out);
            }
            if (bigFileBooks > 0) {
                benchmark.bigFile(notes, "big file", bigFileBooks, "big.ndjson", GenerateBooks.Shape.BOOKDROP);
            }
            if (bigMappedBooks > 0) {
                benchmark.bigFile(notes, "big mapped CSV file", bigMappedBooks, "big-shop.csv", GenerateBooks.Shape.SHOP);
            }
            if (bigOnixBooks > 0) {
                benchmark.bigFile(notes, "big ONIX feed", bigOnixBooks, "big-feed.onix", GenerateBooks.Shape.BOOKDROP);
            }
            benchmark.report(rates, notes, runs, out);
        }
        // The generated files run to gigabytes (the ONIX feed of 500,000 books alone is 1.5 GB): gone once
        // the figures are out. A run that fails stops before this and leaves them, with the big imports' logs.
        PathUtils.deleteDirectory(work);
        System.out.println("Removed the generated files: " + work);
    }

    private void runOnce(Map<String, List<Double>> rates, Map<String, String> notes) throws Exception {
        // bookdrop and the loader it is held against, one after the other: bookdrop first in odd runs, the loader in even ones.
        Load unnest = () -> unnestLoader("bench_unnest", books, bookCount, 10_000, 2);
        if (run % 2 == 1) {
            bookdropNdjson(rates, notes);
            measure(rates, UNNEST, unnest);
        } else {
            measure(rates, UNNEST, unnest);
            bookdropNdjson(rates, notes);
        }
        smallFiles(10);
        bookdrop(rates, MARC_SEARCHABLE, null, () -> same("catalogue.mrc", GenerateBooks.Shape.BOOKDROP));
        bookdrop(rates, ONIX_SEARCHABLE, null, () -> same("feed.onix", GenerateBooks.Shape.BOOKDROP));
        // Right after the feed, in the same state of the machine: its rows, read from NDJSON.
        bookdrop(rates, ONIX_BOOKS_SEARCHABLE, null, this::feedBooks);
        measure(rates, "pgjdbc executeBatch, 1,000 rows a batch, 2 connections", () -> executeBatchLoader(1_000, 2));
        measure(rates, "one INSERT per row (sample of " + SINGLE_INSERT_SAMPLE + ")", SINGLE_INSERT_SAMPLE, this::singleInserts);
        if (database.dialect().refresh(TableName.parse("t")).isPresent()) {
            try {
                measure(rates, "COPY FROM the file (server side)", this::copyFrom);
            } catch (SQLException e) {
                notes.put("COPY FROM", "not measured: the CrateDB node cannot read " + books + " (" + e.getMessage()
                        + "); the server must run on this machine and read the folder, see --work");
            }
        } else {
            notes.put("COPY FROM", "not measured: PostgreSQL's COPY reads CSV or text, not NDJSON");
        }
        if (!tablesMade.isEmpty()) {
            // Nor do the rows with no database pay for the merging of rows just written (COPY FROM's, last).
            dropTablesMade();
            Thread.sleep(SETTLE_MILLIS);
        }
        parseOnly(rates, PARSE, () -> parseAndValidate(books, Mappings.bookdropShape(false)));
        // The same on one thread: the records of a batch are checked on every core (BookChecker).
        ForkJoinPool oneThread = new ForkJoinPool(1);
        try {
            String name = "bookdrop parse and validate on one thread, no database";
            if (run == 1 && wanted(name)) {
                // Once unmeasured, each alone, so that both are compiled by the JIT before they are timed.
                oneThread.submit(() -> parseAndValidate(books, Mappings.bookdropShape(false), false)).get();
                plainParse();
            }
            parseOnly(rates, name, () -> oneThread.submit(() -> parseAndValidate(books, Mappings.bookdropShape(false), false)).get());
        } finally {
            oneThread.shutdown();
        }
        // Right after the one-thread row it is held against, in the same state of the machine.
        parseOnly(rates, "plain Jackson parse of each line, no database", this::plainParse);
        parseOnly(rates, CSV_PARSE, () -> parseAndValidate(same("books.csv", GenerateBooks.Shape.BOOKDROP), Mappings.bookdropShape(false)));
        parseOnly(rates, MAPPED_PARSE, () -> parseAndValidate(same("shop.csv", GenerateBooks.Shape.SHOP),
                MappingFile.parse("shop.yaml", "shop", GenerateBooks.SHOP_MAPPING)));
        Mapping bookdropShape = Mappings.bookdropShape(false);
        parseOnly(rates, MARC_PARSE, () -> parseAndValidate(same("catalogue.mrc", GenerateBooks.Shape.BOOKDROP), bookdropShape));
        parseOnly(rates, ONIX_PARSE, () -> parseAndValidate(same("feed.onix", GenerateBooks.Shape.BOOKDROP), bookdropShape));
        notes.put("peak RSS of the benchmark process (all methods), MB", String.valueOf(peakRssMegabytes()));
    }

    private void bookdropNdjson(Map<String, List<Double>> rates, Map<String, String> notes) throws Exception {
        resetPeakHeap();
        bookdrop(rates, BOOKDROP_SEARCHABLE, BOOKDROP_VERIFIED, () -> books);
        if (wanted(BOOKDROP_SEARCHABLE)) {
            notes.put("bookdrop's peak heap during its run, MB", String.valueOf(peakHeapMegabytes()));
        }
    }

    /**
     * bookdrop.jar import of a big generated file in a JVM limited to 256 MB of heap: memory bounded
     * whatever the size; NDJSON in bookdrop's shape, or CSV in the shop's layout through its mapping.
     */
    private void bigFile(Map<String, String> notes, String name, long books, String fileName, GenerateBooks.Shape shape)
            throws Exception {
        System.out.printf(Locale.ROOT, "%s: %,d books, imported by bookdrop.jar with -Xmx256m ...%n", name, books);
        // NDJSON in bookdrop's shape is all valid, so that the bare loader, which checks nothing, can load the same file.
        boolean sameForLoader = shape == GenerateBooks.Shape.BOOKDROP && fileName.endsWith(".ndjson");
        BigFileRun.Result big = BigFileRun.run(jdbcUrl, work, books, "256m", freshTable("bench_big"), fileName, shape,
                sameForLoader ? 0 : 0.001);
        String result = String.format(Locale.ROOT, "%,d books, %,d bytes, -Xmx%s: exit code %d in %.1f s (%,.0f rows/s); "
                        + "peak heap after GC %d MB, peak RSS %d MB; %s", big.books(), big.bytes(), big.heapLimit(),
                big.exitCode(), big.seconds(), big.books() / big.seconds(), big.peakHeapAfterGcMb(), big.peakRssMb(), big.summary());
        try {
            if (sameForLoader) {
                System.out.printf(Locale.ROOT, "%s: the same file by the UNNEST loader ...%n", name);
                double loader = unnestLoader("bench_big_unnest", work.resolve(fileName), books, 10_000, 2);
                result += String.format(Locale.ROOT, "; the UNNEST loader on the same file: %,.0f rows/s (bookdrop from the "
                        + "JVM's start to its exit: %.2fx)", loader, books / big.seconds() / loader);
            }
        } finally {
            Files.deleteIfExists(work.resolve(fileName));
        }
        System.out.println("  " + result);
        notes.put(name, result);
    }

    private interface FileToDrop {
        Path file() throws IOException;
    }

    /**
     * As many books as the NDJSON file, written by its extension (CSV, MARC 21, ONIX) in that
     * shape when first asked for: a shop's CSV read through a mapping, a library's MARC export, a
     * publisher's ONIX feed. Each format's books are drawn on their own: alike, not the same.
     */
    private Path same(String fileName, GenerateBooks.Shape shape) throws IOException {
        Path file = work.resolve(fileName);
        if (!Files.exists(file)) {
            new GenerateBooks(42, 0, shape).write(file, bookCount);
            System.out.printf(Locale.ROOT, "The books as %s: %,d bytes%n", fileName, Files.size(file));
        }
        return file;
    }

    /** The ONIX feed's own books as NDJSON ({@link BooksAsNdjson}), written when first asked for. */
    private Path feedBooks() throws IOException {
        Path file = work.resolve("feed-books.ndjson");
        if (!Files.exists(file)) {
            long written = BooksAsNdjson.write(same("feed.onix", GenerateBooks.Shape.BOOKDROP), Mappings.bookdropShape(false), file);
            if (written != bookCount) {
                throw new IllegalStateException("the ONIX feed gave " + written + " books, not " + bookCount);
            }
            System.out.printf(Locale.ROOT, "The ONIX feed's books as NDJSON: %,d bytes%n", Files.size(file));
        }
        return file;
    }

    private interface Load {
        double rowsPerSecond() throws Exception;
    }

    private void measure(Map<String, List<Double>> rates, String name, Load load) throws Exception {
        measure(rates, name, bookCount, load);
    }

    private void measure(Map<String, List<Double>> rates, String name, long rows, Load load) throws Exception {
        if (wanted(name)) {
            CpuTime start = CpuTime.now();
            record(rates, name, load.rowsPerSecond());
            recordCpu(name, CpuTime.now().since(start), rows);
        }
    }

    /**
     * A rate with no database, the fastest of {@link #PARSE_PASSES} passes over the file: one pass
     * lasts a fraction of a second to a few seconds, so that a garbage collection, a compilation or
     * the machine's other work landing in it moves a single pass's rate by half (seen: the same
     * code at 623,539 and 1,738,046 rows/s in one JVM). The fastest pass is the code's own rate, and
     * bookdrop's and plain Jackson's rows are measured alike. CPU is that of all the passes.
     */
    private void parseOnly(Map<String, List<Double>> rates, String name, Load pass) throws Exception {
        if (wanted(name)) {
            CpuTime start = CpuTime.now();
            double fastest = 0;
            for (int i = 0; i < PARSE_PASSES; i++) {
                fastest = Math.max(fastest, pass.rowsPerSecond());
            }
            record(rates, name, fastest);
            recordCpu(name, CpuTime.now().since(start), bookCount * PARSE_PASSES);
        }
    }

    private void recordCpu(String name, CpuTime used, long rows) {
        jvmCpu.computeIfAbsent(name, n -> new ArrayList<>()).add(used.processSeconds() * 100_000 / rows);
        machineCpu.computeIfAbsent(name, n -> new ArrayList<>()).add(used.machineSeconds() * 100_000 / rows);
    }

    private boolean wanted(String name) {
        return only.isEmpty() || only.stream().anyMatch(part -> name.toLowerCase(Locale.ROOT).contains(part.strip()));
    }

    private static void record(Map<String, List<Double>> rates, String name, double rate) {
        System.out.printf(Locale.ROOT, "  %-70s %,12.0f rows/s%n", name, rate);
        rates.computeIfAbsent(name, n -> new ArrayList<>()).add(rate);
    }

    /**
     * bookdrop end to end, from the file dropped into a running bookdrop's inbox: to its rows
     * searchable (read, checked, written, refreshed; the report's searchableAt), which is where the
     * loaders' times end too, and to its report (after every row was looked up again by key).
     *
     * @param verifiedName the name of the rate to the report, or null when only the rate to searchable is wanted
     */
    private void bookdrop(Map<String, List<Double>> rates, String searchableName, String verifiedName, FileToDrop drop)
            throws Exception {
        if (!wanted(searchableName)) {
            return;
        }
        Path file = drop.file();
        String name = file.getFileName().toString();
        String table = freshTable("bench_bookdrop");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        // Every run imports the same file again: its earlier import must not make bookdrop skip it.
        Main main = Bookdrop.create(jdbcUrl, inbox, table, Map.of("bookdrop.import-once", "false"));
        main.start();
        try {
            Path report = inbox.resolve("done").resolve(name + ".report.json");
            Files.deleteIfExists(report);
            Files.createLink(inbox.resolve(name + ".part"), file);
            // As into a bookdrop that runs already: past the file consumer's first poll, a second after start.
            Thread.sleep(1500);
            Instant dropped = Instant.now();
            long start = System.nanoTime();
            CpuTime cpuAtDrop = CpuTime.now();
            Files.move(inbox.resolve(name + ".part"), inbox.resolve(name));
            while (!Files.exists(report) || Files.size(report) == 0) {
                Thread.sleep(10);
            }
            double seconds = seconds(start);
            CpuTime used = CpuTime.now().since(cpuAtDrop);
            JsonNode result = JSON.readTree(report.toFile());
            if (result.get("written").asLong() != bookCount || result.get("verified").asLong() != bookCount) {
                throw new IllegalStateException("bookdrop did not write every book of " + name + ": " + result);
            }
            Instant searchableAt = Instant.parse(result.get("searchableAt").asText());
            double searchable = Duration.between(dropped, searchableAt).toNanos() / 1e9;
            Instant startedAt = Instant.parse(result.get("startedAt").asText());
            System.out.printf(Locale.ROOT, "  %s: picked up %.2f s after the drop, searchable %.2f s later, report %.2f s after that%n",
                    name, Duration.between(dropped, startedAt).toNanos() / 1e9,
                    Duration.between(startedAt, searchableAt).toNanos() / 1e9, seconds - searchable);
            // From the drop, so the wait for the file to be picked up counts too.
            record(rates, searchableName, bookCount / searchable);
            if (verifiedName != null) {
                record(rates, verifiedName, bookCount / seconds);
            }
            recordCpu(verifiedName != null ? verifiedName : searchableName, used, bookCount);
        } finally {
            main.stop();
            Files.deleteIfExists(inbox.resolve("done").resolve(name));
        }
    }

    private static final String SMALL_FILES = "small file moved in whole";
    private static final int SMALL_FILE_BOOKS = 100;

    /**
     * Small files, each written beside the inbox and then moved in whole (renamed) into a running
     * bookdrop, one after the other, with the shipped read-lock interval and look at the inbox
     * every 100 ms: the time from the move to the moment its rows are searchable (the report's
     * searchableAt).
     */
    private void smallFiles(int files) throws Exception {
        if (!wanted(SMALL_FILES)) {
            return;
        }
        String table = freshTable("bench_small");
        Path inbox = Files.createDirectories(work.resolve("small-inbox"));
        Path staging = Files.createDirectories(work.resolve("small-staging"));
        // The shipped read-lock interval, 1,000 ms, which a file moved in whole does not wait for.
        Main main = Bookdrop.create(jdbcUrl, inbox, table, Map.of("bookdrop.import-once", "false",
                "bookdrop.read-lock-interval", "1000"));
        main.start();
        List<Long> millis = new ArrayList<>();
        try {
            Thread.sleep(1500);
            for (int i = 0; i < files; i++) {
                String name = "small-" + run + "-" + i + ".ndjson";
                Path staged = staging.resolve(name);
                new GenerateBooks(1000L * run + i, 0).write(staged, SMALL_FILE_BOOKS);
                Path report = inbox.resolve("done").resolve(name + ".report.json");
                Instant moved = Instant.now();
                Files.move(staged, inbox.resolve(name));
                while (!Files.exists(report) || Files.size(report) == 0) {
                    Thread.sleep(2);
                }
                JsonNode result = JSON.readTree(report.toFile());
                if (result.get("written").asLong() != SMALL_FILE_BOOKS) {
                    throw new IllegalStateException("bookdrop did not write every book of " + name + ": " + result);
                }
                millis.add(Duration.between(moved, Instant.parse(result.get("searchableAt").asText())).toMillis());
            }
        } finally {
            main.stop();
        }
        millis.forEach(ms -> smallFileMillis.add((double) ms));
        System.out.printf(Locale.ROOT, "  %s (%d books), moved to searchable, ms: %s%n", SMALL_FILES, SMALL_FILE_BOOKS, millis);
    }

    /**
     * The fastest loader in shared/CRATEDB.md: parse, then UNNEST arrays, no checks.
     *
     * @param tableName a name of its own: a table dropped and made again breaks the prepared statements cached for it
     */
    private double unnestLoader(String tableName, Path file, long rows, int batchSize, int connections) throws Exception {
        String table = freshTable(tableName);
        String sql = "INSERT INTO " + table + " (id, title, author, publication_date, categories) "
                + "SELECT i, t, a, d, string_to_array(c, ?) FROM UNNEST(?::text[], ?::text[], ?::text[], "
                + "?::timestamp[], ?::text[]) AS u(i, t, a, d, c) ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
                + "author = excluded.author, publication_date = excluded.publication_date, categories = excluded.categories";
        return loadInParallel(file, rows, table, batchSize, connections, (connection, batch) -> {
            int n = batch.size();
            String[][] columns = new String[5][n];
            for (int i = 0; i < n; i++) {
                JsonNode book = batch.get(i);
                columns[0][i] = book.get("id").asText();
                columns[1][i] = book.get("title").asText();
                columns[2][i] = book.get("author").asText();
                columns[3][i] = book.get("publication_date").asText();
                List<String> categories = new ArrayList<>();
                book.get("categories").forEach(c -> categories.add(c.asText()));
                columns[4][i] = String.join("\u001F", categories);
            }
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, "\u001F");
                for (int c = 0; c < 5; c++) {
                    insert.setArray(c + 2, connection.createArrayOf("text", columns[c]));
                }
                insert.executeUpdate();
            }
        });
    }

    /** pgjdbc's addBatch/executeBatch of the plain upsert. */
    private double executeBatchLoader(int batchSize, int connections) throws Exception {
        String table = freshTable("bench_batch");
        String sql = upsertValues(table);
        return loadInParallel(books, bookCount, table, batchSize, connections, (connection, batch) -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (JsonNode book : batch) {
                    bindValues(connection, insert, book);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** One statement per row, as an ORM session does row by row; on a sample, it is slow. */
    private double singleInserts() throws Exception {
        String table = freshTable("bench_single");
        String sql = upsertValues(table);
        List<JsonNode> sample = new ArrayList<>();
        try (MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(books.toFile())) {
            while (lines.hasNext() && sample.size() < SINGLE_INSERT_SAMPLE) {
                sample.add(lines.next());
            }
        }
        long start = System.nanoTime();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            for (JsonNode book : sample) {
                bindValues(connection, insert, book);
                insert.executeUpdate();
            }
        }
        refresh(table);
        return sample.size() / seconds(start);
    }

    private double copyFrom() throws Exception {
        String table = freshTable("bench_copy");
        long start = System.nanoTime();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement copy = connection.prepareStatement(
                     "COPY " + table + " FROM ? WITH (format = 'json') RETURN SUMMARY")) {
            copy.setString(1, books.toUri().toString());
            long loaded = 0;
            try (ResultSet summary = copy.executeQuery()) {
                while (summary.next()) {
                    loaded += summary.getLong("success_count");
                }
            }
            refresh(table);
            if (loaded != bookCount) {
                throw new SQLException("COPY FROM loaded " + loaded + " of " + bookCount + " books");
            }
        }
        return bookCount / seconds(start);
    }

    /** Reads and checks the file with the mapping as the intake route does, batch after batch, with no database. */
    private double parseAndValidate(Path file, Mapping mapping) throws Exception {
        return parseAndValidate(file, mapping, true);
    }

    /**
     * @param readAhead whether the next batch is read on a thread of its own while one is checked,
     *                  as the intake does; without, reading and checking take turns on one thread
     */
    private double parseAndValidate(Path file, Mapping mapping, boolean readAhead) throws Exception {
        BookFiles files = new BookFiles(5000, ',', 16 * 1024 * 1024, work, null);
        BookChecker checker = new BookChecker(VALIDATOR);
        String name = file.getFileName().toString();
        FileImport fileImport = new FileImport(name, null, Files.size(file), Instant.now());
        long start = System.nanoTime();
        long valid = 0;
        // As the intake reads a file: in batches, one read ahead on its own thread while the other is checked.
        try (InputStream in = Files.newInputStream(file);
             Batches<SourceRecord> read = new Batches<>(opened(files.open(in, name, mapping), fileImport), 5000);
             ReadAhead<SourceRecord> ahead = readAhead ? new ReadAhead<>(read, name) : null) {
            Iterator<List<SourceRecord>> batches = ahead != null ? ahead : read;
            while (batches.hasNext()) {
                valid += checker.check(batches.next(), fileImport).size();
            }
        }
        if (valid != bookCount) {
            throw new IllegalStateException("parse and validate found " + valid + " of " + bookCount + " books of " + name + " valid");
        }
        return bookCount / seconds(start);
    }

    private static RecordReader opened(BookFiles.Opened opened, FileImport fileImport) {
        fileImport.mapWith(opened.mapper());
        return opened.reader();
    }

    private double plainParse() throws IOException {
        long start = System.nanoTime();
        long parsed = 0;
        try (MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(books.toFile())) {
            while (lines.hasNext()) {
                lines.next();
                parsed++;
            }
        }
        return parsed / seconds(start);
    }

    private interface BatchLoad {
        void load(Connection connection, List<JsonNode> batch) throws SQLException;
    }

    /** Reads the file with plain Jackson and loads its batches on several connections, then refreshes. */
    private double loadInParallel(Path file, long rows, String table, int batchSize, int connections, BatchLoad load)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        try (MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> batch = new ArrayList<>(batchSize);
            while (lines.hasNext()) {
                batch.add(lines.next());
                if (batch.size() == batchSize || !lines.hasNext()) {
                    List<JsonNode> full = batch;
                    while (pending.stream().filter(f -> !f.isDone()).count() >= connections * 2L) {
                        Thread.sleep(1);
                    }
                    pending.add(pool.submit(() -> {
                        try (Connection connection = database.dataSource().getConnection()) {
                            load.load(connection, full);
                        }
                        return null;
                    }));
                    batch = new ArrayList<>(batchSize);
                }
            }
            for (Future<?> write : pending) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        refresh(table);
        return rows / seconds(start);
    }

    private static String upsertValues(String table) {
        return "INSERT INTO " + table + " (id, title, author, publication_date, categories) VALUES (?, ?, ?, ?::timestamp, ?) "
                + "ON CONFLICT (id) DO UPDATE SET title = excluded.title, author = excluded.author, "
                + "publication_date = excluded.publication_date, categories = excluded.categories";
    }

    private static void bindValues(Connection connection, PreparedStatement insert, JsonNode book) throws SQLException {
        insert.setString(1, book.get("id").asText());
        insert.setString(2, book.get("title").asText());
        insert.setString(3, book.get("author").asText());
        insert.setString(4, book.get("publication_date").asText());
        List<String> categories = new ArrayList<>();
        book.get("categories").forEach(c -> categories.add(c.asText()));
        insert.setArray(5, connection.createArrayOf("text", categories.toArray(String[]::new)));
    }

    /**
     * A new, empty table for the method about to be measured. The tables of the methods before are
     * dropped first, and the server given a few seconds, so that no method pays for the merging of
     * the rows another just wrote, and each starts on a server holding the same.
     */
    private String freshTable(String name) throws SQLException, InterruptedException {
        TableName table = TableName.parse(name + "_" + run);
        Dialect dialect = database.dialect();
        dropTablesMade();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table.quoted());
            for (String ddl : dialect.createTable(table)) {
                statement.execute(ddl);
            }
        }
        tablesMade.add(table);
        Thread.sleep(SETTLE_MILLIS);
        return table.toString();
    }

    private void dropTablesMade() throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (TableName before : tablesMade) {
                statement.execute("DROP TABLE IF EXISTS " + before.quoted());
            }
        }
        tablesMade.clear();
    }

    private void refresh(String quotedTable) throws SQLException {
        if (database.dialect().refresh(TableName.parse("t")).isPresent()) {
            try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("REFRESH TABLE " + quotedTable);
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    /** The process's peak resident set (VmHWM), on Linux; -1 elsewhere. */
    private static long peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: no figure.
        }
        return -1;
    }

    private void report(Map<String, List<Double>> rates, Map<String, String> notes, int runs, Path out) throws IOException {
        double bookdrop = rates.containsKey(BOOKDROP_SEARCHABLE) ? median(rates.get(BOOKDROP_SEARCHABLE)) : Double.NaN;
        String parseName = PARSE;
        System.out.printf(Locale.ROOT, "%nbookdrop benchmark: %,d books, %d run(s), on %s (figures from this machine only)%n",
                bookCount, runs, database.dialect().name());
        System.out.printf(Locale.ROOT, "%-70s %14s %12s %10s%n", "method", "rows/s", "spread", "ratio");
        ObjectNode json = JSON.createObjectNode()
                .put("books", bookCount).put("runs", runs).put("database", database.dialect().name())
                .put("date", Instant.now().toString());
        ArrayNode rows = json.putArray("results");
        for (Map.Entry<String, List<Double>> entry : rates.entrySet()) {
            List<Double> values = new ArrayList<>(entry.getValue());
            Collections.sort(values);
            double median = median(values);
            boolean parsing = entry.getKey().contains("no database");
            double reference = !parsing ? bookdrop : rates.containsKey(parseName) ? median(rates.get(parseName)) : Double.NaN;
            double spread = values.get(values.size() - 1) - values.get(0);
            // No ratio when the reference was not measured (--only left it out).
            String ratio = Double.isNaN(reference) ? "-" : String.format(Locale.ROOT, "%.2fx", median / reference);
            System.out.printf(Locale.ROOT, "%-70s %,14.0f %,12.0f %10s%n", entry.getKey(), median, spread, ratio);
            ObjectNode row = rows.addObject().put("method", entry.getKey()).put("rowsPerSecondMedian", Math.round(median))
                    .put("spread", Math.round(spread));
            if (Double.isNaN(reference)) {
                row.putNull("ratioToBookdrop");
            } else {
                row.put("ratioToBookdrop", median / reference);
            }
            row.putPOJO("runs", values);
        }
        System.out.println("(ratio: the method's rate over bookdrop's drop to searchable; for the parse rows, over bookdrop's parse and validate)");
        System.out.printf(Locale.ROOT, "%nCPU seconds per 100,000 rows, median (bookdrop's from the drop to its report)%n");
        System.out.printf(Locale.ROOT, "%-70s %14s %12s%n", "method", "this JVM", "machine");
        ArrayNode cpuRows = json.putArray("cpuSecondsPer100000Rows");
        jvmCpu.forEach((name, values) -> {
            double machine = median(machineCpu.get(name));
            System.out.printf(Locale.ROOT, "%-70s %14.2f %12.2f%n", name, median(values), machine);
            cpuRows.addObject().put("method", name).put("thisJvm", median(values)).put("machine", machine);
        });
        System.out.println("(this JVM: bookdrop, or the loader, or the parser; machine: every process, the database's too when it runs here)");
        share(rates, notes, "mapped CSV / CSV in bookdrop's shape, parse and validate", MAPPED_PARSE, CSV_PARSE, 70);
        share(rates, notes, "MARC 21 / NDJSON, drop to searchable", MARC_SEARCHABLE, BOOKDROP_SEARCHABLE, 85);
        share(rates, notes, "ONIX / NDJSON, drop to searchable", ONIX_SEARCHABLE, BOOKDROP_SEARCHABLE, 85);
        share(rates, notes, "ONIX / the feed's own books as NDJSON, drop to searchable", ONIX_SEARCHABLE, ONIX_BOOKS_SEARCHABLE, 85);
        if (!smallFileMillis.isEmpty()) {
            notes.put(SMALL_FILES + " (" + SMALL_FILE_BOOKS + " books), from the move to searchable", String.format(Locale.ROOT,
                    "median %.0f ms of %d files, %.0f to %.0f ms (target: under 300 ms)", median(smallFileMillis),
                    smallFileMillis.size(), Collections.min(smallFileMillis), Collections.max(smallFileMillis)));
        }
        ObjectNode jsonNotes = json.putObject("notes");
        notes.forEach((key, value) -> {
            System.out.printf("%s: %s%n", key, value);
            jsonNotes.put(key, value);
        });
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), json);
        System.out.println("Written to " + out);
    }

    /** A note of one rate as a share of another, with its target. */
    private static void share(Map<String, List<Double>> rates, Map<String, String> notes, String note, String rate, String of,
                              int targetPercent) {
        if (rates.containsKey(rate) && rates.containsKey(of)) {
            notes.put(note, String.format(Locale.ROOT, "%.0f%% (target: at least %d%%)",
                    100 * median(rates.get(rate)) / median(rates.get(of)), targetPercent));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
