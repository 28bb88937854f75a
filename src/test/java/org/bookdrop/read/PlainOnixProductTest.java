package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookdrop.mapping.Mappings;
import org.bookdrop.tools.GenerateBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain reader of an ONIX Product gives the elements Aalto gives, or leaves the Product to
 * Aalto: on generated feeds in both tag sets, on hand-written Products, and on thousands of
 * Products broken at random.
 */
class PlainOnixProductTest {

    private static final OnixNames REFERENCE_TAGS = new OnixNames(Mappings.shipped("onix").namesRead(), false);
    private static final OnixNames SHORT_TAGS = new OnixNames(Mappings.shipped("onix").namesRead(), true);
    private static final Pattern PRODUCT = Pattern.compile("(?s)<(Product|product)\\b.*?</\\1>");

    @TempDir
    Path folder;

    private static final String PRODUCT_SAMPLE = """
            <Product datestamp="20261201">
              <RecordReference>uk.example.1</RecordReference>
              <NotificationType>03</NotificationType>
              <ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>9780141439518</IDValue></ProductIdentifier>
              <ProductIdentifier><ProductIDType>03</ProductIDType><IDValue>9780141439518</IDValue></ProductIdentifier>
              <DescriptiveDetail>
                <ProductComposition>00</ProductComposition>
                <TitleDetail>
                  <TitleType>01</TitleType>
                  <TitleElement>
                    <TitleElementLevel>01</TitleElementLevel>
                    <TitlePrefix>The</TitlePrefix>
                    <TitleWithoutPrefix textcase="01">Café &amp; Crème — Ünïcode 𝄞</TitleWithoutPrefix>
                    <Subtitle>A &#233;tude &#x2014; in &lt;three&gt; &quot;parts&quot; &apos;</Subtitle>
                  </TitleElement>
                </TitleDetail>
                <Contributor>
                  <SequenceNumber>2</SequenceNumber>
                  <ContributorRole>A01</ContributorRole>
                  <NamesBeforeKey>Neil</NamesBeforeKey>
                  <KeyNames>Gaiman</KeyNames>
                  <BiographicalNote textformat="05"><p>Born in <b>1960</b>.</p></BiographicalNote>
                </Contributor>
                <Contributor>
                  <SequenceNumber>1</SequenceNumber>
                  <ContributorRole>A01</ContributorRole>
                  <PersonName>Terry   Pratchett  </PersonName>
                </Contributor>
                <Subject><MainSubject/><SubjectSchemeIdentifier>93</SubjectSchemeIdentifier><SubjectCode>FMB</SubjectCode></Subject>
                <Subject>
                  <SubjectSchemeIdentifier>10</SubjectSchemeIdentifier>
                  <SubjectHeadingText>FICTION / Fantasy / General</SubjectHeadingText>
                </Subject>
              </DescriptiveDetail>
              <CollateralDetail><TextContent><TextType>03</TextType><Text textformat="05">A &lt;b&gt;tale&lt;/b&gt;, <i>told</i>.</Text></TextContent></CollateralDetail>
              <PublishingDetail>
                <PublishingDate><PublishingDateRole>01</PublishingDateRole><Date dateformat="03">19902</Date></PublishingDate>
                <PublishingDate><PublishingDateRole>11</PublishingDateRole><DateFormat>05</DateFormat><Date>1989</Date></PublishingDate>
                <PublishingDate><PublishingDateRole>19</PublishingDateRole><Date dateformat='00' /></PublishingDate>
              </PublishingDetail>
              <ProductSupply><SupplyDetail><Price><PriceAmount>9.99</PriceAmount></Price></SupplyDetail></ProductSupply>
            </Product>""";

    @Test
    void reads_a_product_as_aalto_does_references_dates_lists_and_elements_passed_over_included() {
        JsonNode plain = plain(bytes(PRODUCT_SAMPLE), REFERENCE_TAGS);

        assertThat(plain).isNotNull().isEqualTo(byAalto(bytes(PRODUCT_SAMPLE), REFERENCE_TAGS));
        assertThat(plain.at("/DescriptiveDetail/TitleDetail/TitleElement/Subtitle").textValue())
                .isEqualTo("A étude — in <three> \"parts\" '");
        assertThat(plain.at("/PublishingDetail/PublishingDate/0/Date").textValue()).isEqualTo("199004");
        assertThat(plain.at("/PublishingDetail/PublishingDate/1/Date").textValue()).isEqualTo("1989");
        assertThat(plain.at("/DescriptiveDetail/Contributor/1/PersonName").textValue()).isEqualTo("Terry   Pratchett");
        assertThat(plain.has("CollateralDetail")).as("an element the mapping does not read").isFalse();
    }

    @Test
    void reads_line_ends_as_xml_does_and_a_text_of_blanks_as_no_text() {
        String product = "<Product>\r\n<RecordReference>a\r\nb\rc&#13;d</RecordReference>\r\n"
                + "<NotificationType>&#32;&#x9;</NotificationType><DescriptiveDetail> \t</DescriptiveDetail></Product >";

        JsonNode plain = plain(bytes(product), REFERENCE_TAGS);

        assertThat(plain).isNotNull().isEqualTo(byAalto(bytes(product), REFERENCE_TAGS));
        assertThat(plain.get("RecordReference").textValue()).isEqualTo("a\nb\nc\rd");
        assertThat(plain.get("NotificationType").isObject()).isTrue();
    }

    /** Products read where they stand in the feed keep the lines counted: the line of each, and of what is wrong in a broken one after them. */
    @Test
    void counts_the_lines_of_products_read_in_one_pass_line_ends_inside_tags_included() throws IOException {
        String feed = "<?xml version=\"1.0\"?>\r\n<ONIXMessage release=\"3.0\">\r\n"
                + "<Product\r\n  datestamp=\"20261201\"\r\n><RecordReference\r\n>one</RecordReference\r\n>\r\n"
                + "<NotificationType>03</NotificationType></Product\n>\n"
                + "<Product><RecordReference>two\nlines</RecordReference></Product>\n"
                + "<Product>\n<RecordReference>broken</RecordReference>\n<a></b>\n</Product>\n"
                + "<Product><RecordReference>four</RecordReference></Product>\n</ONIXMessage>\n";
        Path file = folder.resolve("lines.onix");
        Files.writeString(file, feed);

        List<String> read = new ArrayList<>();
        try (OnixReader reader = new OnixReader(Files.newInputStream(file), Mappings.shipped("onix").namesRead())) {
            while (reader.hasNext()) {
                SourceRecord record = reader.next();
                read.add(record.line() + " " + (record.unreadable() != null ? record.unreadable() : record.fields().get("RecordReference")));
            }
        }

        assertThat(read).hasSize(4);
        assertThat(read.subList(0, 2)).containsExactly("3 \"one\"", "10 \"two\\nlines\"");
        assertThat(read.get(2)).startsWith("12 not valid XML at line 14, column ");
        assertThat(read.get(3)).isEqualTo("16 \"four\"");
    }

    /** What the plain reader does not read, or not as XML would, is Aalto's. */
    @Test
    void leaves_everything_else_to_aalto() {
        String title = "<Product><RecordReference>r</RecordReference><DescriptiveDetail><TitleDetail><TitleElement>"
                + "<TitleText>%s</TitleText></TitleElement></TitleDetail></DescriptiveDetail></Product>";
        assertThat(List.of(
                title.formatted("a <!-- comment --> b"),
                title.formatted("<![CDATA[x]]>"),
                title.formatted("<?pi x?>"),
                title.formatted("text beside <b>an</b> element"),
                title.formatted("&nbsp;"),
                title.formatted("&#0;"),
                title.formatted("&#xD800;"),
                title.formatted("&amp"),
                title.formatted("&;"),
                title.formatted("&#;"),
                title.formatted("&#x;"),
                title.formatted("&#x110000;"),
                title.formatted("&#12a;"),
                title.formatted("&AMP;"),
                title.formatted("a ]]> b"),
                title.formatted("a \u0001 b"),
                title.formatted("a \u0085 C1 control"),
                title.formatted("<x:Name>prefixed</x:Name>"),
                title.formatted("<Näme>not ASCII</Näme>"),
                title.formatted("<i a=\"1\" a=\"2\">twice</i>"),
                title.formatted("<i a=\"1\"b=\"2\">no blank between</i>"),
                title.formatted("<i a=1>unquoted</i>"),
                title.formatted("<i a=\"&amp;\">a reference in a value</i>"),
                title.formatted("<i a=\"a\tb\">a tab in a value</i>"),
                title.formatted("<i>unclosed"),
                title.formatted("<i></j>"),
                "<Product><RecordReference>r</RecordReference></Product> trailing",
                "<Product>text only</Product>",
                "<Product><RecordReference>r</RecordReference>",
                "<onix:Product><onix:RecordReference>r</onix:RecordReference></onix:Product>",
                "<Product>" + "<a>".repeat(70) + "</a>".repeat(70) + "</Product>"))
                .allSatisfy(product -> assertThat(plain(bytes(product), REFERENCE_TAGS)).as(product).isNull());
    }

    @Test
    void leaves_bytes_that_are_not_utf_8_to_aalto() {
        for (byte[] bad : new byte[][] {{(byte) 0xC3, '('}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}}) {
            ByteArrayOutputStream product = new ByteArrayOutputStream();
            product.writeBytes(bytes("<Product><RecordReference>caf"));
            product.writeBytes(bad);
            product.writeBytes(bytes("</RecordReference></Product>"));
            assertThat(plain(product.toByteArray(), REFERENCE_TAGS)).as(Arrays.toString(bad)).isNull();
        }
    }

    /**
     * Every Product of generated feeds (with invalid ones, deletions and no ISBNs, in both tag
     * sets) is read plainly, and as Aalto reads it; and cut out of the feed (64 KB at a time) at
     * its line, whole.
     */
    @Test
    void reads_every_product_of_generated_feeds_as_aalto_does() throws IOException {
        for (boolean shortTags : new boolean[] {false, true}) {
            Path feed = folder.resolve(shortTags + ".onix");
            List<String> arguments = new ArrayList<>(List.of("--count", "2000", "--out", feed.toString(), "--invalid", "0.2", "--seed", "7"));
            if (shortTags) {
                arguments.addAll(List.of("--shape", "short-tags"));
            }
            GenerateBooks.main(arguments.toArray(String[]::new));
            OnixNames names = shortTags ? SHORT_TAGS : REFERENCE_TAGS;
            String text = Files.readString(feed);
            List<byte[]> products = products(text);

            assertThat(products).hasSizeGreaterThanOrEqualTo(2_000);
            for (byte[] product : products) {
                JsonNode plain = plain(product, names);
                assertThat(plain).as(new String(product, StandardCharsets.UTF_8)).isNotNull().isEqualTo(byAalto(product, names));
            }
            List<Long> lines = productLines(text);
            try (OnixReader reader = new OnixReader(Files.newInputStream(feed), Mappings.shipped("onix").namesRead())) {
                int read = 0;
                while (reader.hasNext()) {
                    SourceRecord record = reader.next();
                    assertThat(record.line()).isEqualTo(lines.get(read));
                    assertThat(record.fields()).isEqualTo(byAalto(products.get(read++), names));
                }
                assertThat(read).isEqualTo(products.size());
            }
        }
    }

    /**
     * A long text is read eight bytes at a time while they are plain: a character to look at
     * closely, at each place in those eight bytes and at the text's end, is read as Aalto reads it,
     * or the Product is left to Aalto when Aalto refuses it.
     */
    @Test
    void reads_a_long_text_with_a_character_anywhere_in_it_as_aalto_does() {
        String[] readable = {"é", "€", "𝄞", "&amp;", "&#233;", "\t", "\n", "\r", "\r\n", ">", "]>", "~", "\u007F"};
        String[] refused = {"\u0001", "\u0085", "]]>", "&bogus;", "<", "&"};
        String words = "A long description of a book, in plain words, ";
        String title = "<Product><RecordReference>r</RecordReference><DescriptiveDetail><TitleDetail><TitleElement>"
                + "<TitleText>%s</TitleText></TitleElement></TitleDetail></DescriptiveDetail></Product>";
        for (int at = 0; at <= 24; at++) {
            for (String character : readable) {
                byte[] product = bytes(title.formatted(words.substring(0, at) + character + words.substring(at)));
                assertThat(plain(product, REFERENCE_TAGS)).as("%s at %d", character, at).isNotNull()
                        .isEqualTo(byAalto(product, REFERENCE_TAGS));
            }
            for (String character : refused) {
                byte[] product = bytes(title.formatted(words.substring(0, at) + character + words.substring(at)));
                assertThat(plain(product, REFERENCE_TAGS)).as("%s at %d", character, at).isNull();
            }
            byte[] notUtf8 = bytes(title.formatted(words.substring(0, at) + "\u00FF" + words.substring(at)));
            notUtf8[new String(notUtf8, StandardCharsets.ISO_8859_1).indexOf('\u00C3')] = (byte) 0xFF;
            assertThat(plain(notUtf8, REFERENCE_TAGS)).as("a byte not UTF-8 at %d", at).isNull();
        }
    }

    /**
     * Products broken at random (markup, references, bytes and blanks put in, pieces cut out or
     * repeated): whatever the plain reader reads, Aalto reads too, and the same.
     */
    @Test
    void reads_a_product_broken_at_random_as_aalto_does_or_not_at_all() {
        String[] pieces = {"<", ">", "/", "&", "&amp;", "&#32;", "&#13;", "&#0;", "&bogus;", "\r", "\r\n", "\t", "]]>", "\"", "'", "=",
            " a=\"1\"", "<!-- c -->", "<![CDATA[x<y]]>", "<?pi?>", "<X>", "</X>", "<X/>", "<p:Y>", "é", "\u0085", "\u0001",
            "<Subtitle>s</Subtitle>", "<TitleText>t</TitleText>", "</TitleText>", "<Date dateformat=\"05\">2001</Date>", "  ", "x"};
        Random random = new Random(11);
        byte[] sample = bytes(PRODUCT_SAMPLE);
        int readPlainly = 0;
        int readByAalto = 0;
        for (int i = 0; i < 20_000; i++) {
            String product = new String(sample, StandardCharsets.UTF_8);
            for (int change = 1 + random.nextInt(3); change > 0; change--) {
                // Anywhere, or between two tags, where more of the changes leave it well-formed.
                int at = random.nextInt(product.length());
                if (random.nextBoolean()) {
                    at = product.indexOf('>', at) + 1;
                }
                int length = Math.min(product.length() - at, random.nextInt(40));
                product = switch (random.nextInt(4)) {
                    case 0, 1 -> product.substring(0, at) + pieces[random.nextInt(pieces.length)] + product.substring(at);
                    case 2 -> product.substring(0, at) + product.substring(at + length);
                    default -> product.substring(0, at) + product.substring(at, at + length) + product.substring(at);
                };
            }
            byte[] bytes = bytes(product);
            JsonNode plain = plain(bytes, REFERENCE_TAGS);
            if (byAalto(bytes, REFERENCE_TAGS) != null) {
                readByAalto++;
            }
            if (plain != null) {
                readPlainly++;
                assertThat(plain).as(product).isEqualTo(byAalto(bytes, REFERENCE_TAGS));
            }
        }
        assertThat(readPlainly).as("broken Products still plain XML, of %d Aalto reads", readByAalto).isGreaterThan(1_000);
    }

    /** The Product read in one pass, as the reader reads it in the feed: whole, and nothing after it; else null. */
    private static JsonNode plain(byte[] product, OnixNames names) {
        byte[] productName = bytes(names == SHORT_TAGS ? "product" : "Product");
        PlainOnixProduct.Read read = new PlainOnixProduct(names, productName).readAt(product, 0, product.length);
        return read == null || read == PlainOnixProduct.RAN_OUT || read.end() != product.length ? null : read.fields();
    }

    private static JsonNode byAalto(byte[] product, OnixNames names) {
        return new OnixProduct(product, 1, names, null).fields();
    }

    private static List<byte[]> products(String feed) {
        List<byte[]> products = new ArrayList<>();
        Matcher matcher = PRODUCT.matcher(feed);
        while (matcher.find()) {
            products.add(bytes(matcher.group()));
        }
        return products;
    }

    /** The line where each Product starts. */
    private static List<Long> productLines(String feed) {
        List<Long> lines = new ArrayList<>();
        Matcher matcher = PRODUCT.matcher(feed);
        long line = 1;
        int counted = 0;
        while (matcher.find()) {
            line += feed.substring(counted, matcher.start()).chars().filter(c -> c == '\n').count();
            counted = matcher.start();
            lines.add(line);
        }
        return lines;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
