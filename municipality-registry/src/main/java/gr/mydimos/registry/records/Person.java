package gr.mydimos.registry.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import gr.mydimos.problems.types.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A person as a record names them, with their role in it: in a civil act CHILD, MOTHER, FATHER, SPOUSE, DECEASED or
 * DECLARANT; in a family record HEAD, SPOUSE or CHILD. Names are as registered, in Greek.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person(
        @NotBlank @Pattern(regexp = "[A-Z]{4,9}", message = "{mydimos.relation}") String role,
        @Pattern(regexp = "[0-9]{9}", message = "{mydimos.nine-digits}") String taxId,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 100) String fatherName,
        @Size(max = 100) String motherName,
        @Past LocalDate birthDate,
        @Pattern(regexp = "[FM]", message = "{mydimos.sex}") String sex) {

    /** The fields a correction may change. */
    public static final List<String> CORRECTABLE = List.of("taxId", "firstName", "lastName", "fatherName", "motherName",
            "birthDate", "sex");

    public String get(String field) {
        return switch (field) {
            case "taxId" -> taxId;
            case "firstName" -> firstName;
            case "lastName" -> lastName;
            case "fatherName" -> fatherName;
            case "motherName" -> motherName;
            case "birthDate" -> birthDate == null ? null : birthDate.toString();
            case "sex" -> sex;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** This person with one field corrected; the value is checked as the field is on entry. */
    public Person with(String field, String value) {
        String v = value == null || value.isBlank() ? null : value.strip();
        return switch (field) {
            case "taxId" -> new Person(role, require(v, v == null || v.matches("[0-9]{9}"), Text.of("εννέα ψηφία", "nine digits")), firstName,
                    lastName, fatherName, motherName, birthDate, sex);
            case "firstName" -> new Person(role, taxId, name(v), lastName, fatherName, motherName, birthDate, sex);
            case "lastName" -> new Person(role, taxId, firstName, name(v), fatherName, motherName, birthDate, sex);
            case "fatherName" -> new Person(role, taxId, firstName, lastName, v, motherName, birthDate, sex);
            case "motherName" -> new Person(role, taxId, firstName, lastName, fatherName, v, birthDate, sex);
            case "birthDate" -> new Person(role, taxId, firstName, lastName, fatherName, motherName, date(v), sex);
            case "sex" -> new Person(role, taxId, firstName, lastName, fatherName, motherName, birthDate,
                    require(v, v == null || v.matches("[FM]"), Text.of("F ή M", "F or M")));
            default -> throw new InvalidValue("field", Text.of("ένα από " + CORRECTABLE, "one of " + CORRECTABLE));
        };
    }

    private static String name(String v) {
        return require(v, v != null && v.length() <= 100, Text.of("ένα όνομα από 1 έως 100 χαρακτήρες", "a name of 1 to 100 characters"));
    }

    private static LocalDate date(String v) {
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("value", Text.of("μια ημερομηνία της μορφής ΕΕΕΕ-ΜΜ-ΗΗ", "a date as YYYY-MM-DD"));
        }
    }

    private static <T> T require(T value, boolean valid, Text expected) {
        if (!valid) {
            throw new InvalidValue("value", expected);
        }
        return value;
    }

    /** A correction whose field or value is not acceptable; becomes a 400 problem naming the field. */
    static final class InvalidValue extends RuntimeException {
        final String field;
        final Text expected;

        InvalidValue(String field, Text expected) {
            super(expected.en(), null, false, false);
            this.field = field;
            this.expected = expected;
        }
    }
}
