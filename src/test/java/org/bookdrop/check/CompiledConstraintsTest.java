package org.bookdrop.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.bookdrop.book.Book;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CompiledConstraintsTest {

    private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void booksConstraintsAreAllCompiled() {
        assertThat(CompiledConstraints.of(Book.class, VALIDATOR)).isPresent();
    }

    /** Valid for the compiled checks exactly when Hibernate Validator finds no violation, over many edge cases. */
    @Test
    void agreesWithTheValidatorOnEveryBook() {
        CompiledConstraints<Book> compiled = CompiledConstraints.of(Book.class, VALIDATOR).orElseThrow();
        Random random = new Random(7);
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < 20_000; i++) {
            Book book = new Book(text(random, 200), text(random, 1000), text(random, 500), LocalDateTime.of(1979, 10, 12, 0, 0),
                    categories(random));
            boolean validatorSaysValid = VALIDATOR.validate(book).isEmpty();
            assertThat(compiled.surelyValid(book)).as("%s", book).isEqualTo(validatorSaysValid);
            if (validatorSaysValid) {
                valid++;
            } else {
                invalid++;
            }
        }
        assertThat(valid).as("valid books tried").isGreaterThan(2_000);
        assertThat(invalid).as("invalid books tried").isGreaterThan(2_000);
    }

    @Test
    void declinesConstraintsItDoesNotKnow() {
        assertThat(CompiledConstraints.of(Counted.class, VALIDATOR)).as("@Min: a validator per number type").isEmpty();
        assertThat(CompiledConstraints.of(Cascading.class, VALIDATOR)).isEmpty();
        assertThat(CompiledConstraints.of(Grouped.class, VALIDATOR)).isEmpty();
    }

    record Patterned(@Pattern(regexp = "[a-z]+") String name) {
    }

    record Counted(@Min(1) Integer count) {
    }

    record Cascading(@Valid Patterned inner) {
    }

    interface Strict {
    }

    record Grouped(@NotBlank(groups = Strict.class) String name) {
    }

    /** Text near a limit, or blank, or holding a control character, or null, or a surrogate pair. */
    private static String text(Random random, int limit) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> " \t ";
            case 3 -> "a".repeat(limit);
            case 4 -> "a".repeat(limit + 1);
            case 5 -> "x\u0001y";
            case 6 -> "\uD83D\uDCDA".repeat(limit / 2) + "b";
            case 7 -> "\u2003";
            default -> "Title " + random.nextInt(1000);
        };
    }

    private static List<String> categories(Random random) {
        if (random.nextInt(20) == 0) {
            return null;
        }
        List<String> categories = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            categories.add(random.nextInt(3) == 0 ? text(random, 200) : "novel");
        }
        return random.nextInt(10) == 0 ? Arrays.asList("ok", null) : categories;
    }
}
