package org.bookdrop.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one book field is filled, as a mapping file declares it, checked and compiled once: where
 * its value comes from, and how the value is cleaned and read. Bound to a file's shape it gives a
 * {@link BoundField}, which reads records.
 *
 * @param sources          where the value comes from, in order: paths, or templates over paths
 * @param takeAll          every source contributes (categories, several author columns), rather
 *                         than the first that has a value
 * @param accepts          which JSON types are taken: text only (a number, or for categories a
 *                         single text, is refused), text or whole numbers, or any scalar as text
 *                         ({@code 2008.0}; for categories, a single value is one category)
 * @param trim             strip blanks at both ends
 * @param collapse         turn every run of blanks inside into one space
 * @param absent           values that mean there is none ({@code N/A}, {@code -}), compared without case
 * @param remove           parts of the value removed, regular expressions compiled once ({@code ^by\s+})
 * @param split            text split into a list on this separator (categories, authors); null: none
 * @param join             a list turned into text with this separator; {@code first}: its first
 *                         element; null: a list is refused
 * @param invertName       "Last, First" turned into "First Last"
 * @param stripPunctuation ISBD punctuation at the end removed ({@code  /}, {@code  :}, {@code  ;}, {@code .})
 * @param isbn             the value must be an ISBN; it is stored as ISBN-13
 * @param nextWhenInvalid  an invalid value (ISBN, date) makes way for the next source instead of
 *                         rejecting the record
 * @param dates            the patterns a date is read by
 * @param absentWhenNoDate a value no pattern reads means no date, rather than a rejected record
 * @param dedupe           a list keeps each value once
 * @param subfieldSeparator what joins the subfields of a MARC field
 */
public record FieldRule(
        BookField field,
        List<SourceSpec> sources,
        boolean takeAll,
        Accepts accepts,
        boolean trim,
        boolean collapse,
        Set<String> absent,
        List<Pattern> remove,
        String split,
        String join,
        boolean invertName,
        boolean stripPunctuation,
        boolean isbn,
        boolean nextWhenInvalid,
        DatePatterns dates,
        boolean absentWhenNoDate,
        boolean dedupe,
        String subfieldSeparator) {

    /** Which JSON types a field takes. */
    public enum Accepts { TEXT, TEXT_OR_WHOLE_NUMBER, ANY_SCALAR }

    /**
     * A source as written: a path, a template over paths, or each element of a list with the
     * first of several sources read from it; with its own say on whether its value is an ISBN
     * (null: the field's {@code isbn}; a template's value never is, unless it says so).
     */
    public record SourceSpec(FieldPath path, String template, EachSpec each, Boolean isbn) {

        public SourceSpec(FieldPath path, String template) {
            this(path, template, null, null);
        }

        public String label() {
            return path != null ? path.text() : template != null ? template : each.path().text();
        }

        /** Whether this source's values must be ISBNs. */
        public boolean isbn(boolean fieldIsbn) {
            return isbn != null ? isbn : template == null && fieldIsbn;
        }
    }

    /**
     * Each element of a list ({@code /DescriptiveDetail/Contributor[ContributorRole=A01]}), in the
     * order of a child's number ({@code sort_by: SequenceNumber}) and with the elements that have
     * a child first ({@code first_with: MainSubject}), giving the first value of its sources, read
     * from the element: one value per element.
     */
    public record EachSpec(FieldPath path, List<SourceSpec> firstOf, String sortBy, String firstWith) {
    }

    /** The special value of {@code join} that takes a list's first element. */
    public static final String FIRST = "first";

    /** Binds the sources to a file's shape (its CSV header, its format), with the mapping's lookup tables. */
    public BoundField bind(RecordShape shape, Map<String, Map<String, String>> lookups) {
        return new BoundField(this, sources.stream().map(spec -> shape.bind(spec, this, lookups)).toList());
    }
}
