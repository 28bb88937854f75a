package org.bookdrop.check;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.bookdrop.book.Book;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a book against the constraints declared on {@link Book}, through Hibernate Validator. A
 * book that passes the same constraints compiled into plain checks ({@link CompiledConstraints})
 * is valid without the validator's pass; any other goes through the validator for its reasons.
 */
public final class BookValidator implements AutoCloseable {

    private final ValidatorFactory factory;
    private final Validator validator;
    private final Optional<CompiledConstraints<Book>> compiled;

    public BookValidator() {
        // The parameter interpolator needs no Expression Language implementation on the class path.
        this.factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
        this.compiled = CompiledConstraints.of(Book.class, validator);
    }

    public List<Problem> problems(Book book) {
        if (compiled.isPresent() && compiled.get().surelyValid(book)) {
            return List.of();
        }
        Set<ConstraintViolation<Book>> violations = validator.validate(book);
        return violations.stream()
                .map(violation -> new Problem(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem::field).thenComparing(Problem::reason))
                .toList();
    }

    /** The input's spelling of the field: publication_date, categories[2]. */
    private static String fieldName(ConstraintViolation<Book> violation) {
        String path = violation.getPropertyPath().toString().replace(".<list element>", "");
        return path.replace("publicationDate", "publication_date");
    }

    @Override
    public void close() {
        factory.close();
    }
}
