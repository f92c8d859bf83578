package gr.mydimos.notification.message;

import static gr.mydimos.notification.Notifications.dispatchConcurrently;
import static gr.mydimos.notification.Notifications.run;
import static gr.mydimos.notification.Notifications.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import gr.mydimos.notification.Inbox;
import gr.mydimos.notification.PeerServicesStub;
import gr.mydimos.notification.TestBooking;
import gr.mydimos.testing.MovableClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A mail server outage delays messages, it does not lose them (NT-4). The service sends to a GreenMail server this
 * test starts and stops (the shared one cannot be stopped under the other tests); time moves on the tests' clock,
 * so the retries' back-off (30 s, doubling) passes without waiting.
 */
@QuarkusTest
@TestProfile(SmtpOutageTest.OwnMailServer.class)
@QuarkusTestResource(PeerServicesStub.class)
class SmtpOutageTest {

    public static class OwnMailServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.smtp.port", String.valueOf(port()), "notification.dispatch.max-attempts", "4");
        }

        /** One free port for the whole JVM: the profile and the test are loaded by different class loaders. */
        static synchronized int port() {
            String port = System.getProperty("smtp-outage-test.port");
            if (port == null) {
                port = String.valueOf(freePort());
                System.setProperty("smtp-outage-test.port", port);
            }
            return Integer.parseInt(port);
        }
    }

    @Inject
    MovableClock clock;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Vertx vertx;

    private GreenMail smtp;

    @AfterEach
    void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    @Test
    void messagesPlannedWhileTheMailServerIsDownArriveOnceItReturns() {
        List<TestBooking> bookings = List.of(TestBooking.inPerson("el", "2026-12-08T09:10"),
                TestBooking.inPerson("en", "2026-12-08T09:25"), TestBooking.video("el", "2026-12-08T10:00"));
        bookings.forEach(b -> b.publish("BookingConfirmed"));
        for (TestBooking booking : bookings) {
            awaitFirstAttemptFailed(booking.reference());
        }

        clock.advance(Duration.ofSeconds(30)); // 30 s later the server is still down: the retry fails too
        dispatchConcurrently(dispatcher, vertx, 1);
        assertThat(staffLog(bookings.get(0).reference()).get(0)).containsEntry("status", "PENDING")
                .containsEntry("attempts", 2);

        smtp = new GreenMail(new ServerSetup(OwnMailServer.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock.advance(Duration.ofMinutes(1)); // the next retry is due
        dispatchConcurrently(dispatcher, vertx, 2);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 4);
        List<String> received = Arrays.stream(smtp.getReceivedMessages()).map(SmtpOutageTest::recipientAndSubject)
                .sorted().toList();
        assertThat(received).containsExactlyElementsOf(List.of(
                bookings.get(0).email() + " Επιβεβαίωση ραντεβού " + bookings.get(0).reference(),
                bookings.get(1).email() + " Appointment " + bookings.get(1).reference() + " confirmed",
                bookings.get(2).email() + " Επιβεβαίωση ραντεβού " + bookings.get(2).reference(),
                bookings.get(2).thirdPartyEmail() + " Πρόσκληση σε τηλεδιάσκεψη: Δήμος Θεσσαλονίκης").stream()
                .sorted().toList());
        assertThat(staffLog(bookings.get(0).reference()).get(0)).containsEntry("status", "SENT")
                .containsEntry("attempts", 3).containsEntry("lastError", null);
        assertThat(metrics()).contains("notification_messages_retried_total{kind=\"CONFIRMATION\"}")
                .contains("notification_messages_sent_total{kind=\"CONFIRMATION\"}");
    }

    @Test
    void aMessageThatCannotBeSentIsMarkedFailedForAnOperator() {
        TestBooking booking = TestBooking.inPerson("el", "2026-12-08T09:10");
        booking.publish("BookingConfirmed");
        awaitFirstAttemptFailed(booking.reference());

        for (int attempt = 2; attempt <= 4; attempt++) {
            clock.advance(Duration.ofHours(1)); // well past every back-off
            dispatchConcurrently(dispatcher, vertx, 1);
        }
        Map<String, Object> confirmation = staffLog(booking.reference()).get(0);
        assertThat(confirmation).containsEntry("status", "FAILED").containsEntry("attempts", 4);
        assertThat((String) confirmation.get("lastError")).isNotBlank();
        assertThat(metrics()).contains("notification_messages_failed_total{kind=\"CONFIRMATION\"} 1.0");

        smtp = new GreenMail(new ServerSetup(OwnMailServer.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock.advance(Duration.ofHours(1));
        dispatchConcurrently(dispatcher, vertx, 1);
        assertThat(smtp.getReceivedMessages()).isEmpty(); // given up on: an operator decides, nothing resends it

        // the operator resends it (docs/operations.md), "now" being the tests' clock: it goes at once, no poll due
        run(vertx, dispatcher::tick);
        assertThat(dispatcher.somethingMayBeDue(clock.instant())).as("nothing due: the dispatcher sleeps").isFalse();
        run(vertx, () -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "UPDATE message SET status = 'PENDING', attempts = 0, next_attempt_at = :now "
                                + "WHERE booking_reference = :reference AND status = 'FAILED'")
                .setParameter("now", clock.instant()).setParameter("reference", booking.reference()).executeUpdate())));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(recipientAndSubject(smtp.getReceivedMessages()[0]))
                .isEqualTo(booking.email() + " Επιβεβαίωση ραντεβού " + booking.reference());
    }

    @Test
    void aNoticeHeldUpByTheOutageIsReplacedByTheLaterChange() {
        TestBooking booking = TestBooking.inPerson("en", "2026-12-08T09:10");
        booking.publish("BookingConfirmed");
        awaitFirstAttemptFailed(booking.reference());
        booking.movedTo("2026-12-09T10:00").publish("BookingRescheduled", java.util.UUID.randomUUID(), booking, null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> staffLog(booking.reference()),
                log -> log.stream().anyMatch(e -> "RESCHEDULE".equals(e.get("kind"))));

        smtp = new GreenMail(new ServerSetup(OwnMailServer.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock.advance(Duration.ofMinutes(5));
        dispatchConcurrently(dispatcher, vertx, 1);

        // Only the latest word reaches the person: the confirmation of the old time is not sent after the move.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(SmtpOutageTest::recipientAndSubject)).containsExactly(
                booking.email() + " Appointment " + booking.reference() + " moved to Wednesday 9 December 2026, 10:00");
        assertThat(staffLog(booking.reference()).get(0)).containsEntry("kind", "CONFIRMATION")
                .containsEntry("status", "CANCELLED").containsEntry("cancelledBecause", "superseded by a later change");
    }

    private static void awaitFirstAttemptFailed(String reference) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> staffLog(reference),
                log -> !log.isEmpty() && ((Integer) log.get(0).get("attempts")) >= 1);
    }

    /** The delivery log as a clerk of the municipality sees it, with the last error of each message. */
    private static List<Map<String, Object>> staffLog(String reference) {
        return given().auth().oauth2(token("employees", "clerk-thessaloniki", "backoffice"))
                .queryParam("booking", reference).get("/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** On the management interface, a port of its own. */
    @TestHTTPResource(value = "/metrics", management = true) // under the management root, /q
    java.net.URL metricsUrl;

    private String metrics() {
        return given().get(metricsUrl.toString()).then().statusCode(200).extract().asString();
    }

    private static String recipientAndSubject(MimeMessage message) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            Inbox.Mail mail = Inbox.decode(raw.toByteArray());
            return message.getAllRecipients()[0] + " " + mail.subject();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
