package gr.mydimos.booking.booking;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gr.mydimos.problems.Problem;
import org.junit.jupiter.api.Test;

/** One coming appointment per service and person, on the policy alone. */
class PerPersonLimitTest {

    private final PerPersonLimit one = new PerPersonLimit(1);

    @Test
    void aPersonBooksUpToTheLimit() {
        assertThatCode(() -> one.refuseIfFull(0, false, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> one.refuseIfFull(1, false, null)).isInstanceOf(Problem.class)
                .hasMessageContaining("change or cancel an existing one");
        // a reason from the person themselves does not count
        assertThatThrownBy(() -> one.refuseIfFull(1, false, "two sons")).isInstanceOf(Problem.class);
    }

    @Test
    void aClerkGoesOverItOnlyWithAReason() {
        assertThatThrownBy(() -> one.refuseIfFull(1, true, null)).isInstanceOf(Problem.class)
                .hasMessageContaining("a clerk may exceed it by giving limitOverrideReason");
        assertThatThrownBy(() -> one.refuseIfFull(1, true, "  ")).isInstanceOf(Problem.class);
        assertThatCode(() -> one.refuseIfFull(3, true, "Second appointment for the family's two sons")).doesNotThrowAnyException();
    }
}
