package gr.mydimos.registry.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/** The Greek social security number (ΑΜΚΑ): the birth date as DDMMYY, four digits and a Luhn check digit. */
public final class Amka {

    private Amka() {
    }

    public static boolean isValid(String amka) {
        if (amka == null || !amka.matches("[0-9]{11}") || !LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(amka)) {
            return false;
        }
        try {
            // The century is not encoded; 29 February is checked against a leap year.
            LocalDate.of(2000, Integer.parseInt(amka.substring(2, 4)), Integer.parseInt(amka.substring(0, 2)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Whether the AMKA encodes this birth date. */
    public static boolean matchesBirthDate(String amka, LocalDate birthDate) {
        return isValid(amka) && amka.startsWith("%02d%02d%02d".formatted(birthDate.getDayOfMonth(),
                birthDate.getMonthValue(), birthDate.getYear() % 100));
    }
}
