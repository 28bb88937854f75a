package org.bookdrop.tools;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.bookdrop.read.OnixTags;

/**
 * Writes made-up books as a publisher's ONIX for Books 3.0 feed, in reference or short tags, each
 * Product as feeds carry them: identifiers (a proprietary one and the ISBN-13), the title with a
 * subtitle, an author and an editor, subjects (BISAC and Thema codes, keywords), a description,
 * the imprint and publication date, and a price: about 3 KB a Product, as real feeds run.
 * Invalid records, when asked for, have no author, a date that is no date, no ISBN (their id is
 * then the RecordReference), or are deletion notices (NotificationType 05).
 */
final class OnixCatalogue {

    private static final String[] BISAC = {"FIC009000", "FIC028000", "FIC019000", "HIS037080", "POE000000", "JUV000000"};
    private static final String[] THEMA = {"FBA", "FLG", "FMB", "NHB", "DCF", "YFB"};

    private final GenerateBooks books;
    private final boolean shortTags;
    private final StringBuilder product = new StringBuilder(4096);

    OnixCatalogue(GenerateBooks books, boolean shortTags) {
        this.books = books;
        this.shortTags = shortTags;
    }

    void write(Writer out, long count) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write(shortTags ? "<ONIXmessage release=\"3.0\" xmlns=\"http://ns.editeur.org/onix/3.0/short\">\n"
                : "<ONIXMessage release=\"3.0\" xmlns=\"http://ns.editeur.org/onix/3.0/reference\">\n");
        product.setLength(0);
        open("Header");
        open("Sender");
        element("SenderName", "Bookdrop Press");
        close("Sender");
        element("SentDateTime", "20261202T0930");
        close("Header");
        out.append(product);
        for (long n = 0; n < count; n++) {
            product.setLength(0);
            product(n);
            out.append(product);
        }
        out.write(shortTags ? "</ONIXmessage>\n" : "</ONIXMessage>\n");
    }

    private void product(long n) {
        GenerateBooks.Invalid invalid = books.invalid(n);
        open("Product");
        element("RecordReference", "com.bookdrop.press." + n);
        element("NotificationType", invalid == GenerateBooks.Invalid.CATEGORIES_AS_NUMBER ? "05" : "03");
        identifier("01", "BDP" + n);
        if (invalid != GenerateBooks.Invalid.AUTHOR_AS_OBJECT) {
            identifier("15", GenerateBooks.isbn(n, false).replace("-", ""));
        }
        open("DescriptiveDetail");
        element("ProductComposition", "00");
        element("ProductForm", books.nextInt(2) == 0 ? "BC" : "BB");
        open("TitleDetail");
        element("TitleType", "01");
        open("TitleElement");
        element("TitleElementLevel", "01");
        String title = books.title();
        if (books.nextInt(2) == 0) {
            element("TitlePrefix", "The");
            element("TitleWithoutPrefix", title.substring(4));
        } else {
            element("TitleText", title);
        }
        if (books.nextInt(2) == 0) {
            element("Subtitle", "A " + books.word() + " of " + books.word());
        }
        close("TitleElement");
        close("TitleDetail");
        int sequence = 1;
        if (invalid != GenerateBooks.Invalid.NO_AUTHOR) {
            contributor(sequence++, "A01");
        }
        if (books.nextInt(3) == 0) {
            contributor(sequence, "B01");
        }
        open("Language");
        element("LanguageRole", "01");
        element("LanguageCode", "eng");
        close("Language");
        open("Extent");
        element("ExtentType", "00");
        element("ExtentValue", String.valueOf(80 + books.nextInt(900)));
        element("ExtentUnit", "03");
        close("Extent");
        open("Subject");
        product.append(shortTags ? "<x425/>" : "<MainSubject/>");
        element("SubjectSchemeIdentifier", "10");
        element("SubjectSchemeVersion", "2025");
        element("SubjectCode", BISAC[books.nextInt(BISAC.length)]);
        close("Subject");
        open("Subject");
        element("SubjectSchemeIdentifier", "93");
        element("SubjectSchemeVersion", "1.5");
        element("SubjectCode", THEMA[books.nextInt(THEMA.length)]);
        close("Subject");
        List<String> keywords = books.categories();
        if (!keywords.isEmpty()) {
            open("Subject");
            element("SubjectSchemeIdentifier", "20");
            element("SubjectHeadingText", String.join("; ", keywords));
            close("Subject");
        }
        close("DescriptiveDetail");
        open("CollateralDetail");
        open("TextContent");
        element("TextType", "03");
        element("ContentAudience", "00");
        StringBuilder text = new StringBuilder("<p>");
        for (int i = 0; i < 80; i++) {
            text.append(i == 0 ? "" : " ").append(books.word());
        }
        element("Text", text.append(".</p>").toString());
        close("TextContent");
        close("CollateralDetail");
        open("PublishingDetail");
        open("Imprint");
        element("ImprintName", "Bookdrop Classics");
        close("Imprint");
        open("Publisher");
        element("PublishingRole", "01");
        element("PublisherName", "Bookdrop Press");
        close("Publisher");
        element("CountryOfPublication", "GB");
        element("PublishingStatus", "04");
        open("PublishingDate");
        element("PublishingDateRole", "01");
        String date = books.date();
        element("Date", invalid == GenerateBooks.Invalid.BAD_DATE ? "someday" : date.replace("-", ""));
        close("PublishingDate");
        close("PublishingDetail");
        open("ProductSupply");
        open("SupplyDetail");
        open("Supplier");
        element("SupplierRole", "01");
        element("SupplierName", "Bookdrop Distribution");
        close("Supplier");
        element("ProductAvailability", "21");
        open("Price");
        element("PriceType", "02");
        element("PriceAmount", String.format(Locale.ROOT, "%d.99", 5 + books.nextInt(30)));
        element("CurrencyCode", "GBP");
        close("Price");
        close("SupplyDetail");
        close("ProductSupply");
        close("Product");
    }

    private void identifier(String type, String value) {
        open("ProductIdentifier");
        element("ProductIDType", type);
        element("IDValue", value);
        close("ProductIdentifier");
    }

    private void contributor(int sequence, String role) {
        String[] names = books.names();
        open("Contributor");
        element("SequenceNumber", String.valueOf(sequence));
        element("ContributorRole", role);
        element("PersonName", names[0] + " " + names[1]);
        element("NamesBeforeKey", names[0]);
        element("KeyNames", names[1]);
        close("Contributor");
    }

    private void open(String name) {
        product.append('<').append(tag(name)).append('>');
    }

    private void close(String name) {
        product.append("</").append(tag(name)).append(">\n");
    }

    private void element(String name, String text) {
        String tag = tag(name);
        product.append('<').append(tag).append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> product.append("&lt;");
                case '>' -> product.append("&gt;");
                case '&' -> product.append("&amp;");
                default -> product.append(c);
            }
        }
        product.append("</").append(tag).append(">\n");
    }

    private String tag(String name) {
        return shortTags ? OnixTags.shortTag(name) : name;
    }

    /** The id the shipped mapping gives the n-th Product when it has its ISBN. */
    static String id(long n) {
        return GenerateBooks.isbn(n, false).replace("-", "");
    }
}
