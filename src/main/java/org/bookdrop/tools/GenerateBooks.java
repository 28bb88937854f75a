package org.bookdrop.tools;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes N made-up books as NDJSON, a JSON array, CSV, MARC 21 ({@code .mrc}) or an ONIX 3.0 feed
 * ({@code .onix}), gzipped when the name ends in .gz, the same books for the same seed, with an
 * optional share of invalid records. For benchmarks and for tests that need big inputs. The shape
 * {@code shop} writes CSV in a bookshop's own layout instead of bookdrop's, which the mapping
 * {@link #SHOP_MAPPING} reads (sample-data/shop.yaml); {@code marc8} writes MARC records in MARC-8
 * rather than UTF-8; {@code short-tags} writes ONIX in short tags rather than reference names.
 *
 * <pre>java -cp bookdrop.jar org.bookdrop.tools.GenerateBooks --count 500000 --out books.ndjson [--seed 42] [--invalid 0.01] [--shape shop|marc8|short-tags]</pre>
 */
public final class GenerateBooks {

    private static final String[] WORDS = {"galaxy", "restaurant", "universe", "guide", "dragon", "river", "night",
        "garden", "storm", "clock", "island", "mirror", "winter", "shadow", "letter", "voyage", "empire", "silence",
        "machine", "forest", "harbour", "glass", "crown", "memory", "tower", "orchard", "signal", "lantern"};
    private static final String[] FIRST = {"Douglas", "Terry", "Ursula", "Jane", "Italo", "Haruki", "Zadie", "Jorge",
        "Toni", "Kazuo", "Chimamanda", "Orhan", "Wisława", "Günter", "Agatha", "Søren"};
    private static final String[] LAST = {"Adams", "Pratchett", "Le Guin", "Austen", "Calvino", "Murakami", "Smith",
        "Borges", "Morrison", "Ishiguro", "Adichie", "Pamuk", "Szymborska", "Grass", "Christie", "Kierkegaard"};
    private static final String[] CATEGORIES = {"novel", "comedy", "documentation", "science fiction", "fantasy",
        "poetry", "history", "crime", "philosophy", "children", "travel", "biography"};

    /** The variants of the formats written. */
    public enum Shape { BOOKDROP, SHOP, MARC8, SHORT_TAGS }

    /** The kinds of invalid record written, one after the other. */
    enum Invalid { NO_AUTHOR, BAD_DATE, AUTHOR_AS_OBJECT, CATEGORIES_AS_NUMBER }

    /** The mapping that reads the shop's layout; the same text as sample-data/shop.yaml (a test holds them equal). */
    public static final String SHOP_MAPPING = """
            # A bookshop's stock list, as its spreadsheet exports it: semicolons between columns, ISBNs
            # with hyphens, authors as "Last, First", dates as day/month/year (or a month, or a year),
            # the shop's sections in one column separated by slashes. Dropped into inbox/shop/.
            name: shop
            folder: shop
            csv:
              delimiter: ";"
            fields:
              id:
                from: ISBN
                isbn: true
              title: Book Title
              author:
                from: Author (last, first)
                invert_name: true
              publication_date:
                from: Published
                patterns: [dd/MM/yyyy, MMMM yyyy, yyyy]
              categories:
                from: Sections
                split: "/"
            """;

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private final SplittableRandom random;
    private final double invalidShare;
    private final Shape shape;

    GenerateBooks(long seed, double invalidShare) {
        this(seed, invalidShare, Shape.BOOKDROP);
    }

    GenerateBooks(long seed, double invalidShare, Shape shape) {
        this.random = new SplittableRandom(seed);
        this.invalidShare = invalidShare;
        this.shape = shape;
    }

    public static void main(String[] args) throws IOException {
        long count = 0;
        Path out = null;
        long seed = 42;
        double invalid = 0;
        Shape shape = Shape.BOOKDROP;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--count" -> count = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--invalid" -> invalid = Double.parseDouble(args[i + 1]);
                case "--shape" -> shape = Shape.valueOf(args[i + 1].toUpperCase(Locale.ROOT).replace('-', '_'));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (count <= 0 || out == null) {
            System.err.println("usage: GenerateBooks --count N --out FILE.(ndjson|json|csv|mrc|onix)[.gz] [--seed 42] "
                    + "[--invalid 0.01] [--shape shop|marc8|short-tags]");
            System.exit(2);
        }
        new GenerateBooks(seed, invalid, shape).write(out, count);
        System.out.printf(Locale.ROOT, "%s: %d books, %,d bytes%n", out, count, Files.size(out));
    }

    void write(Path file, long count) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        String format = gzip ? name.substring(0, name.length() - 3) : name;
        boolean marc = format.endsWith(".mrc") || format.endsWith(".marc");
        boolean onix = format.endsWith(".onix");
        if (shape == Shape.SHOP && !format.endsWith(".csv") || shape == Shape.MARC8 && !marc
                || shape == Shape.SHORT_TAGS && !onix) {
            throw new IllegalArgumentException("the shape " + shape + " is for CSV (shop), MARC (marc8) or ONIX (short-tags) "
                    + "files, named .csv, .mrc or .onix (optionally .gz)");
        }
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream stream = new BufferedOutputStream(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16);
             Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            if (marc) {
                new MarcCatalogue(this, shape == Shape.MARC8).write(stream, count);
            } else if (onix) {
                new OnixCatalogue(this, shape == Shape.SHORT_TAGS).write(out, count);
            } else if (shape == Shape.SHOP) {
                writeShopCsv(out, count);
            } else if (format.endsWith(".csv")) {
                writeCsv(out, count);
            } else if (format.endsWith(".json")) {
                writeJson(out, count, true);
            } else if (format.endsWith(".ndjson") || format.endsWith(".jsonl")) {
                writeJson(out, count, false);
            } else {
                throw new IllegalArgumentException("the name must end in .ndjson, .jsonl, .json, .csv, .mrc or .onix "
                        + "(optionally .gz)");
            }
        }
    }

    private void writeJson(Writer out, long count, boolean array) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out);
        json.setRootValueSeparator(null);
        if (array) {
            json.writeStartArray();
        }
        for (long n = 0; n < count; n++) {
            Invalid invalid = invalid(n);
            json.writeStartObject();
            json.writeStringField("id", "book-" + n);
            json.writeStringField("title", title());
            if (invalid == Invalid.AUTHOR_AS_OBJECT) {
                json.writeObjectFieldStart("author");
                json.writeStringField("name", author());
                json.writeEndObject();
            } else if (invalid != Invalid.NO_AUTHOR) {
                json.writeStringField("author", author());
            }
            json.writeStringField("publication_date", invalid == Invalid.BAD_DATE ? "someday" : date());
            if (invalid == Invalid.CATEGORIES_AS_NUMBER) {
                json.writeNumberField("categories", 7);
            } else {
                json.writeArrayFieldStart("categories");
                for (String category : categories()) {
                    json.writeString(category);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            if (!array) {
                json.flush();
                out.write('\n');
            }
        }
        if (array) {
            json.writeEndArray();
        }
        json.flush();
    }

    private void writeCsv(Writer out, long count) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord("id", "title", "author", "publication_date", "categories");
        for (long n = 0; n < count; n++) {
            Invalid invalid = invalid(n);
            String author = invalid == Invalid.NO_AUTHOR ? "" : author();
            String date = invalid == Invalid.BAD_DATE ? "someday" : date();
            String categories = invalid == Invalid.CATEGORIES_AS_NUMBER ? "[7]" : String.join("|", categories());
            csv.printRecord("book-" + n, title(), author, date, categories);
        }
        csv.flush();
    }

    /** The shop's layout: ISBN;Book Title;Author (last, first);Published;Sections;Pages. */
    private void writeShopCsv(Writer out, long count) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setDelimiter(';').get());
        csv.printRecord("ISBN", "Book Title", "Author (last, first)", "Published", "Sections", "Pages");
        for (long n = 0; n < count; n++) {
            Invalid invalid = invalid(n);
            String isbn = isbn(n, invalid == Invalid.AUTHOR_AS_OBJECT);
            String author = invalid == Invalid.NO_AUTHOR ? "" : LAST[random.nextInt(LAST.length)] + ", "
                    + FIRST[random.nextInt(FIRST.length)];
            String date = invalid == Invalid.BAD_DATE ? "someday" : shopDate();
            csv.printRecord(isbn, title(), author, date, String.join(" / ", categories()), 80 + random.nextInt(900));
        }
        csv.flush();
    }

    /** The n-th ISBN-13 of a made-up publisher, with hyphens; with a wrong check digit when asked. */
    static String isbn(long n, boolean wrongCheckDigit) {
        String body = "9781" + String.format(Locale.ROOT, "%08d", n % 100_000_000);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        int check = (10 - sum % 10) % 10;
        if (wrongCheckDigit) {
            check = (check + 1) % 10;
        }
        return body.substring(0, 3) + "-" + body.charAt(3) + "-" + body.substring(4, 9) + "-" + body.substring(9, 12) + "-" + check;
    }

    /** As the shop writes dates: day/month/year, a month, or a year alone. */
    private String shopDate() {
        LocalDate date = LocalDate.ofEpochDay(random.nextLong(-40_000, 20_000));
        return switch (random.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
            case 1 -> MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
            default -> String.valueOf(date.getYear());
        };
    }

    Invalid invalid(long n) {
        if (invalidShare <= 0 || random.nextDouble() >= invalidShare) {
            return null;
        }
        return Invalid.values()[(int) (n % Invalid.values().length)];
    }

    String title() {
        int words = 2 + random.nextInt(5);
        StringBuilder title = new StringBuilder("The");
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            title.append(' ').append(i % 2 == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        }
        return title.toString();
    }

    String author() {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    /** A made-up person's names: the first name(s), then the family name. */
    String[] names() {
        return new String[] {FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)]};
    }

    /** A number from 0 to bound - 1, from the same seeded sequence, for the catalogue writers' choices. */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A made-up word, for subtitles and descriptions. */
    String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    String date() {
        return LocalDate.ofEpochDay(random.nextLong(-40_000, 20_000)).toString();
    }

    List<String> categories() {
        int size = random.nextInt(4);
        List<String> categories = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            categories.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
        }
        return categories;
    }
}
