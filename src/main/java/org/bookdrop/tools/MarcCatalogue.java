package org.bookdrop.tools;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.marc4j.MarcStreamWriter;
import org.marc4j.converter.impl.UnicodeToAnsel;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Writes made-up books as a library's MARC 21 export (ISO 2709) in UTF-8 or MARC-8, as catalogues
 * hold them: a control number with its organisation (001, 003), an ISBN (020), the main entry (100;
 * one record in five has none but an added entry, 700), the title with its subtitle and ISBD
 * punctuation (245), publication in 264 or the older 260 with dates like {@code c1979.} and
 * {@code [1979?]}, the date in 008 too, and subject headings with subdivisions (650, 655).
 * Invalid records, when asked for, have no author or no title at all.
 */
final class MarcCatalogue {

    private static final MarcFactory FACTORY = MarcFactory.newInstance();
    private static final String[] SUBDIVISIONS = {"History and criticism.", "Fiction.", "Juvenile literature.", "Biography."};

    private final GenerateBooks books;
    private final boolean marc8;

    /** @param marc8 whether the records are in MARC-8 (leader position 9 blank) rather than UTF-8 */
    MarcCatalogue(GenerateBooks books, boolean marc8) {
        this.books = books;
        this.marc8 = marc8;
    }

    void write(OutputStream out, long count) {
        MarcStreamWriter writer = new MarcStreamWriter(out, marc8 ? "ISO8859_1" : "UTF-8");
        if (marc8) {
            writer.setConverter(new UnicodeToAnsel());
        }
        for (long n = 0; n < count; n++) {
            writer.write(record(n));
        }
        writer.close();
    }

    private Record record(long n) {
        GenerateBooks.Invalid invalid = books.invalid(n);
        Record record = FACTORY.newRecord("00000nam a2200000 i 4500");
        record.getLeader().setCharCodingScheme(marc8 ? ' ' : 'a');
        String year = books.date().substring(0, 4);
        record.addVariableField(FACTORY.newControlField("001", String.valueOf(10_000_000 + n)));
        record.addVariableField(FACTORY.newControlField("003", "BKDRP"));
        record.addVariableField(FACTORY.newControlField("005", "20261202093000.0"));
        record.addVariableField(FACTORY.newControlField("008", "261202s" + year + "    enk           000 1 eng d"));
        DataField isbn = FACTORY.newDataField("020", ' ', ' ');
        isbn.addSubfield(FACTORY.newSubfield('a', GenerateBooks.isbn(n, false).replace("-", "")
                + (books.nextInt(3) == 0 ? " (paperback)" : "")));
        record.addVariableField(isbn);
        String[] names = books.names();
        String inverted = names[1] + ", " + names[0] + ",";
        if (invalid != GenerateBooks.Invalid.NO_AUTHOR) {
            boolean mainEntry = books.nextInt(5) != 0;
            DataField author = FACTORY.newDataField(mainEntry ? "100" : "700", '1', ' ');
            author.addSubfield(FACTORY.newSubfield('a', inverted));
            author.addSubfield(FACTORY.newSubfield('e', "author."));
            record.addVariableField(author);
        }
        if (invalid != GenerateBooks.Invalid.AUTHOR_AS_OBJECT) {
            DataField title = FACTORY.newDataField("245", '1', '4');
            boolean subtitle = books.nextInt(2) == 0;
            title.addSubfield(FACTORY.newSubfield('a', books.title() + (subtitle ? " :" : " /")));
            if (subtitle) {
                title.addSubfield(FACTORY.newSubfield('b', "a " + books.word() + " of " + books.word() + " /"));
            }
            title.addSubfield(FACTORY.newSubfield('c', names[0] + " " + names[1] + "."));
            record.addVariableField(title);
        }
        boolean rda = books.nextInt(2) == 0;
        DataField publication = FACTORY.newDataField(rda ? "264" : "260", ' ', rda ? '1' : ' ');
        publication.addSubfield(FACTORY.newSubfield('a', "London :"));
        publication.addSubfield(FACTORY.newSubfield('b', "Bookdrop Press,"));
        publication.addSubfield(FACTORY.newSubfield('c', switch (books.nextInt(3)) {
            case 0 -> year + ".";
            case 1 -> "c" + year + ".";
            default -> "[" + year + "?]";
        }));
        record.addVariableField(publication);
        DataField extent = FACTORY.newDataField("300", ' ', ' ');
        extent.addSubfield(FACTORY.newSubfield('a', (80 + books.nextInt(900)) + " pages ;"));
        extent.addSubfield(FACTORY.newSubfield('c', "20 cm"));
        record.addVariableField(extent);
        List<String> subjects = books.categories();
        for (String subject : subjects) {
            DataField heading = FACTORY.newDataField("650", ' ', '0');
            heading.addSubfield(FACTORY.newSubfield('a', Character.toUpperCase(subject.charAt(0)) + subject.substring(1)));
            if (books.nextInt(2) == 0) {
                heading.addSubfield(FACTORY.newSubfield('x', SUBDIVISIONS[books.nextInt(SUBDIVISIONS.length)]));
            }
            record.addVariableField(heading);
        }
        if (!subjects.isEmpty() && books.nextInt(4) == 0) {
            DataField genre = FACTORY.newDataField("655", ' ', '7');
            genre.addSubfield(FACTORY.newSubfield('a', "Novels."));
            genre.addSubfield(FACTORY.newSubfield('2', "lcgft"));
            record.addVariableField(genre);
        }
        return record;
    }

    /** The id the shipped mapping gives the n-th record: its control number with its organisation. */
    static String id(long n) {
        return String.format(Locale.ROOT, "BKDRP-%d", 10_000_000 + n);
    }
}
