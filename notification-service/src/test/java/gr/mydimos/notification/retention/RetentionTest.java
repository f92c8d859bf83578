package gr.mydimos.notification.retention;

import static gr.mydimos.notification.Notifications.awaitLog;
import static gr.mydimos.notification.Notifications.log;
import static gr.mydimos.notification.Notifications.run;
import static org.assertj.core.api.Assertions.assertThat;

import gr.mydimos.notification.PeerServicesStub;
import gr.mydimos.notification.TestBooking;
import gr.mydimos.testing.MovableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Messages, with the addresses and names in them, are kept 90 days after the appointment, then deleted. */
@QuarkusTest
@QuarkusTestResource(PeerServicesStub.class)
class RetentionTest {

    @Inject
    MovableClock clock;
    @Inject
    Retention retention;
    @Inject
    Vertx vertx;

    @Test
    void messagesGoNinetyDaysAfterTheAppointment() {
        TestBooking early = TestBooking.inPerson("el", "2026-12-02T09:10");
        TestBooking later = TestBooking.inPerson("el", "2026-12-30T09:10");
        early.publish("BookingConfirmed");
        later.publish("BookingConfirmed");
        awaitLog(early.reference(), 3);
        awaitLog(later.reference(), 3);

        clock.setAthens("2027-03-02T09:00"); // 89 days after the early appointment ended: still kept
        run(vertx, retention::forget);
        assertThat(log(early.reference())).hasSize(3);

        clock.setAthens("2027-03-03T09:30");
        assertThat(run(vertx, retention::forget)).isGreaterThanOrEqualTo(3);
        assertThat(log(early.reference())).isEmpty();
        assertThat(log(later.reference())).hasSize(3);
    }
}
