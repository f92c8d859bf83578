package gr.mydimos.registry.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import gr.mydimos.identifiers.TaxNumber;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void taxNumbersWithTheRightCheckDigitAreValid() {
        assertThat(TaxNumber.isValid("094259216")).isTrue();
        assertThat(TaxNumber.isValid("123456783")).isTrue();
        assertThat(TaxNumber.isValid("094259217")).isFalse();
        assertThat(TaxNumber.isValid("000000000")).isFalse();
        assertThat(TaxNumber.isValid("09425921")).isFalse();
        assertThat(TaxNumber.isValid("09425921A")).isFalse();
        assertThat(TaxNumber.isValid(null)).isFalse();
    }

    @Test
    void amkaIsABirthDateFollowedByALuhnCheckedNumber() {
        assertThat(Amka.isValid("14038501236")).isTrue();
        assertThat(Amka.matchesBirthDate("14038501236", LocalDate.of(1985, 3, 14))).isTrue();
        assertThat(Amka.matchesBirthDate("14038501236", LocalDate.of(1985, 3, 15))).isFalse();
        assertThat(Amka.isValid("14038501237")).isFalse(); // check digit
        assertThat(Amka.isValid("32138501237")).isFalse(); // Luhn passes, but no month has a 32nd day
        assertThat(Amka.isValid("1403850123")).isFalse();
    }

    @Test
    void greekPostalCodesHaveFiveDigitsStartingOneToEight() {
        assertThat(GreekPostalCode.isValid("54640")).isTrue();
        assertThat(GreekPostalCode.isValid("10431")).isTrue();
        assertThat(GreekPostalCode.isValid("94640")).isFalse();
        assertThat(GreekPostalCode.isValid("5464")).isFalse();
        assertThat(GreekPostalCode.isValid("546 40")).isFalse();
    }
}
