package gr.mydimos.problems;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

/** Which failures of a Kafka consumer's work are passed over: only those that would fail at every delivery. */
class OutagesTest {

    @Test
    void onlyDataTheDatabaseRefusesForGoodIsPermanent() {
        assertThat(Outages.permanent(new RuntimeException("wrapped", state("22001")))).isTrue(); // value too long
        assertThat(Outages.permanent(state("23505"))).isTrue(); // unique violation
        assertThat(Outages.permanent(new java.sql.SQLException("check", "23514"))).isTrue();

        assertThat(Outages.permanent(state("40P01"))).isFalse(); // deadlock
        assertThat(Outages.permanent(state("40001"))).isFalse(); // serialization failure
        assertThat(Outages.permanent(state("57014"))).isFalse(); // statement timeout
        assertThat(Outages.permanent(state("57P01"))).isFalse(); // shutting down
        assertThat(Outages.permanent(new java.net.SocketException("Connection reset"))).isFalse();
        assertThat(Outages.permanent(new IllegalStateException("pool closed"))).isFalse();
    }

    private static PgException state(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, null);
    }
}
