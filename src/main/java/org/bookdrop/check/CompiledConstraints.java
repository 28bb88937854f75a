package org.bookdrop.check;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

/**
 * The constraints declared on a record, read from the validator's own metadata and bound to
 * their validators once, so that a valid record costs a few direct calls instead of a pass of
 * the validator's engine (which took a third of bookdrop's reading and checking). It answers only
 * "valid for sure": a record that fails a check goes through the validator, which finds the
 * violations and words them. The constraints stay declared once, on the record.
 *
 * <p>It takes constraints on record components and on the elements of list components that have
 * a single validator, plus {@code @Size}. Anything else (a constraint with several validators,
 * groups, composed or class-level constraints, cascaded validation) makes {@link #of} decline,
 * and every record then goes through the validator as before.
 */
final class CompiledConstraints<T extends Record> {

    /** The checks of one component: on its value, and on each of its elements when it is a list. */
    private record ComponentChecks(Function<Object, Object> accessor, Predicate<Object>[] onValue, Predicate<Object>[] onElements) {
    }

    private final ComponentChecks[] components;

    private CompiledConstraints(List<ComponentChecks> components) {
        this.components = components.toArray(ComponentChecks[]::new);
    }

    /** @return the compiled checks, or empty when a constraint is one this class does not know */
    static <T extends Record> Optional<CompiledConstraints<T>> of(Class<T> type, Validator validator) {
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        if (!bean.getConstraintDescriptors().isEmpty()) {
            return Optional.empty();
        }
        List<ComponentChecks> components = new ArrayList<>();
        for (PropertyDescriptor property : bean.getConstrainedProperties()) {
            Optional<Function<Object, Object>> accessor = accessor(type, property.getPropertyName());
            if (accessor.isEmpty() || property.isCascaded()) {
                return Optional.empty();
            }
            List<Predicate<Object>> onValue = new ArrayList<>();
            List<Predicate<Object>> onElements = new ArrayList<>();
            for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
                Optional<Predicate<Object>> check = check(constraint);
                if (check.isEmpty()) {
                    return Optional.empty();
                }
                onValue.add(check.get());
            }
            for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
                if (element.getContainerClass() != List.class || element.isCascaded()
                        || !element.getConstrainedContainerElementTypes().isEmpty()) {
                    return Optional.empty();
                }
                for (ConstraintDescriptor<?> constraint : element.getConstraintDescriptors()) {
                    Optional<Predicate<Object>> check = check(constraint);
                    if (check.isEmpty()) {
                        return Optional.empty();
                    }
                    onElements.add(check.get());
                }
            }
            components.add(new ComponentChecks(accessor.get(), array(onValue), array(onElements)));
        }
        return Optional.of(new CompiledConstraints<>(components));
    }

    /** Whether the record passes every constraint; false means only that the validator must look. */
    boolean surelyValid(T record) {
        try {
            for (ComponentChecks component : components) {
                Object value = component.accessor().apply(record);
                if (!all(component.onValue(), value)) {
                    return false;
                }
                if (component.onElements().length > 0 && value != null) {
                    if (!(value instanceof List<?> elements)) {
                        return false;
                    }
                    for (Object element : elements) {
                        if (!all(component.onElements(), element)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        } catch (RuntimeException e) {
            // A validator that needs what it was not given: Hibernate Validator decides.
            return false;
        }
    }

    private static boolean all(Predicate<Object>[] checks, Object value) {
        for (Predicate<Object> check : checks) {
            if (!check.test(value)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Predicate<Object>[] array(List<Predicate<Object>> checks) {
        return checks.toArray(Predicate[]::new);
    }

    private static Optional<Predicate<Object>> check(ConstraintDescriptor<?> constraint) {
        if (!constraint.getGroups().equals(Set.of(Default.class))
                || !constraint.getComposingConstraints().isEmpty()) {
            return Optional.empty();
        }
        if (constraint.getAnnotation() instanceof Size size) {
            // Hibernate Validator picks one of several validators by the value's type; all count the same way.
            // The bounds read once: each read of an annotation's attribute is a reflective call.
            int min = size.min();
            int max = size.max();
            return Optional.of(value -> value == null || length(value) >= min && length(value) <= max);
        }
        return ownValidator(constraint);
    }

    /**
     * A constraint with a single validator ({@code @NotNull}, {@code @NotBlank}, {@code @Pattern},
     * {@code @NoControlCharacters}...): that validator itself, as Hibernate Validator would run it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Predicate<Object>> ownValidator(ConstraintDescriptor<?> constraint) {
        var validators = constraint.getConstraintValidatorClasses();
        if (validators.size() != 1) {
            return Optional.empty();
        }
        try {
            ConstraintValidator validator = validators.get(0).getDeclaredConstructor().newInstance();
            validator.initialize(constraint.getAnnotation());
            // Without a context: a validator that needs one throws, and the record goes to Hibernate Validator.
            return Optional.of(value -> validator.isValid(value, null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int length(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Collection<?> values) {
            return values.size();
        }
        throw new IllegalArgumentException("@Size on " + value.getClass());
    }

    /** The component's accessor as a plain function, which the compiler can inline (a method handle held in a field it cannot). */
    @SuppressWarnings("unchecked")
    private static Optional<Function<Object, Object>> accessor(Class<?> type, String name) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    MethodHandles.Lookup lookup = MethodHandles.lookup();
                    MethodHandle accessor = lookup.unreflect(component.getAccessor());
                    CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                            MethodType.methodType(Object.class, Object.class), accessor,
                            MethodType.methodType(component.getType().isPrimitive() ? Object.class : component.getType(), type));
                    return Optional.of((Function<Object, Object>) site.getTarget().invoke());
                } catch (Throwable e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
