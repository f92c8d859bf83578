package gr.mydimos.call.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gr.mydimos.calls.CallTicket;
import gr.mydimos.calls.CallTickets;
import gr.mydimos.events.BookingEvent;
import gr.mydimos.events.EventContract;
import gr.mydimos.events.Samples;
import gr.mydimos.testing.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The signalling of a call, as browsers use it: over a real WebSocket to the running service. */
@QuarkusTest
class SignallingTest {

    private static final Vertx VERTX = Vertx.vertx();

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;
    @ConfigProperty(name = "call.ticket-secret")
    String secret;
    @Inject
    MovableClock clock;
    @Inject
    Rooms rooms;
    @Inject
    MeterRegistry metrics;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @AfterAll
    static void close() {
        VERTX.close();
    }

    /** A browser in the call: what it was sent, and how its connection was closed. */
    static final class Browser {
        final List<JsonObject> received = new CopyOnWriteArrayList<>();
        volatile Short closedWith;
        WebSocket socket;

        JsonObject first(String type) {
            await().atMost(Duration.ofSeconds(5)).until(() -> received.stream().anyMatch(m -> type.equals(m.getString("type"))));
            return received.stream().filter(m -> type.equals(m.getString("type"))).findFirst().orElseThrow();
        }

        void send(JsonObject message) {
            socket.writeTextMessage(message.encode());
        }

        void closedWith(int code) {
            await().atMost(Duration.ofSeconds(5)).until(() -> closedWith != null);
            assertThat(closedWith.intValue()).isEqualTo(code);
        }
    }

    @Test
    void twoParticipantsOfARoomMeetAndPassTheirDescriptionsToEachOther() throws Exception {
        String room = room();
        Browser applicant = join(room, ticket(room, CallTicket.Role.APPLICANT, "applicant"));
        JsonObject welcome = applicant.first("welcome");
        assertThat(welcome.getString("you")).isEqualTo("applicant");
        assertThat(welcome.getJsonArray("participants")).isEmpty();
        // credentials of its own for the TURN server, in the form coturn checks
        JsonObject ice = welcome.getJsonArray("iceServers").getJsonObject(0);
        assertThat(ice.getJsonArray("urls")).contains("turn:127.0.0.1:3478?transport=udp");
        assertThat(ice.getString("username")).endsWith(":applicant");
        assertThat(ice.getString("credential")).isNotBlank();

        Browser employee = join(room, ticket(room, CallTicket.Role.EMPLOYEE, "employee"));
        assertThat(employee.first("welcome").getJsonArray("participants").getJsonObject(0).getString("id")).isEqualTo("applicant");
        assertThat(applicant.first("joined").getJsonObject("participant").getString("role")).isEqualTo("EMPLOYEE");

        JsonObject offer = new JsonObject().put("description", new JsonObject().put("type", "offer").put("sdp", "v=0"));
        employee.send(new JsonObject().put("type", "signal").put("to", "applicant").put("data", offer));
        JsonObject relayed = applicant.first("signal");
        assertThat(relayed.getString("from")).isEqualTo("employee");
        assertThat(relayed.getJsonObject("data")).isEqualTo(offer);

        // only the employee records the identity check; whoever comes later is told
        applicant.send(new JsonObject().put("type", "identity-checked"));
        employee.send(new JsonObject().put("type", "identity-checked"));
        applicant.first("identity-checked");
        Browser third = join(room, ticket(room, CallTicket.Role.THIRD_PARTY, "third"));
        assertThat(third.first("welcome").getBoolean("identityChecked")).isTrue();
        assertThat(employee.received).noneMatch(m -> "identity-checked".equals(m.getString("type")));

        // the room holds three here: a fourth is refused
        Browser fourth = join(room, ticket(room, CallTicket.Role.INTERPRETER, "fourth"));
        fourth.closedWith(4409);

        third.socket.close();
        applicant.first("left");
        assertThat(metrics.get("calls.rooms.opened").counter().count()).isPositive();
        assertThat(metrics.get("calls.participants.joined").tag("role", "EMPLOYEE").counter().count()).isPositive();
        assertThat(metrics.get("calls.joins.refused").tag("reason", "full").counter().count()).isPositive();

        // the employee ends the call: everyone is told and let go, and nobody enters the room again
        applicant.send(new JsonObject().put("type", "end"));
        employee.send(new JsonObject().put("type", "end"));
        assertThat(applicant.first("ended").getString("reason")).isEqualTo("completed");
        applicant.closedWith(1000);
        join(room, ticket(room, CallTicket.Role.APPLICANT, "again")).closedWith(4410);
    }

    @Test
    void enteringAgainReplacesTheEarlierConnectionAndASeatWaitsForTheEmployee() throws Exception {
        String room = room();
        Browser applicant = join(room, ticket(room, CallTicket.Role.APPLICANT, "applicant"));
        applicant.first("welcome");
        Browser third = join(room, ticket(room, CallTicket.Role.THIRD_PARTY, "third"));
        third.first("welcome");
        // the room holds three here, and the third seat is the employee's
        join(room, ticket(room, CallTicket.Role.INTERPRETER, "interpreter")).closedWith(4409);
        Browser employee = join(room, ticket(room, CallTicket.Role.EMPLOYEE, "employee"));
        employee.first("welcome");

        // the applicant again, say from another tab: the earlier connection is let go, no seat is taken twice
        Browser again = join(room, ticket(room, CallTicket.Role.APPLICANT, "applicant"));
        assertThat(again.first("welcome").getJsonArray("participants")).hasSize(2);
        applicant.closedWith(Rooms.REPLACED);
        assertThat(employee.first("left").getString("id")).isEqualTo("applicant");
        assertThat(employee.first("joined").getJsonObject("participant").getString("id")).isEqualTo("applicant");
    }

    @Test
    void aConnectionThatFloodsIsLetGoAndNobodySignalsToThemselves() throws Exception {
        String room = room();
        Browser applicant = join(room, ticket(room, CallTicket.Role.APPLICANT, "applicant"));
        applicant.first("welcome");
        Browser employee = join(room, ticket(room, CallTicket.Role.EMPLOYEE, "employee"));
        employee.first("welcome");

        JsonObject toItself = new JsonObject().put("type", "signal").put("to", "employee").put("data", new JsonObject().put("x", 1));
        employee.send(toItself);
        employee.send(new JsonObject().put("type", "signal").put("to", "applicant").put("data", new JsonObject().put("x", 2)));
        assertThat(applicant.first("signal").getJsonObject("data").getInteger("x")).isEqualTo(2);
        assertThat(employee.received).noneMatch(m -> "signal".equals(m.getString("type")));

        for (int i = 0; i < 300; i++) {
            applicant.send(new JsonObject().put("type", "media").put("video", "not a boolean"));
        }
        applicant.closedWith(1008);
        assertThat(employee.first("left").getString("id")).isEqualTo("applicant");
    }

    @Test
    void aCancelledOrMovedBookingsRoomClosesForThoseInIt() throws Exception {
        String cancelled = room();
        Browser applicant = join(cancelled, ticket(cancelled, CallTicket.Role.APPLICANT, "applicant"));
        applicant.first("welcome");
        String moved = room();
        Browser employee = join(moved, ticket(moved, CallTicket.Role.EMPLOYEE, "employee"));
        employee.first("welcome");

        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            OffsetDateTime start = OffsetDateTime.parse("2026-12-01T10:00:00+02:00");
            BookingEvent cancellation = Samples.event(BookingEvent.CANCELLED, Samples.booking("K7QX-M4PA",
                    BookingEvent.Mode.VIDEO, BookingEvent.Status.CANCELLED, start, UUID.randomUUID(), cancelled), null, null);
            BookingEvent move = Samples.event(BookingEvent.RESCHEDULED, Samples.booking("K7QX-M4PB", BookingEvent.Mode.VIDEO,
                            BookingEvent.Status.CONFIRMED, start.plusDays(1), UUID.randomUUID(), room()),
                    Samples.previous(start, UUID.randomUUID(), moved), null);
            // what is not an event (not JSON, JSON null, a record with no value) is skipped, and the events after it count
            kafka.produceStrings().fromRecords(
                    new ProducerRecord<>("booking-events-test-calls", "junk", "not an event"),
                    new ProducerRecord<>("booking-events-test-calls", "junk", "null"),
                    new ProducerRecord<>("booking-events-test-calls", "junk", null),
                    new ProducerRecord<>("booking-events-test-calls", "K7QX-M4PA", EventContract.json(cancellation)),
                    new ProducerRecord<>("booking-events-test-calls", "K7QX-M4PB", EventContract.json(move))).awaitCompletion();
        }

        assertThat(applicant.first("ended").getString("reason")).isEqualTo("cancelled");
        applicant.closedWith(1000);
        assertThat(employee.first("ended").getString("reason")).isEqualTo("moved");
        employee.closedWith(1000);
        // a ticket still in its two minutes does not reopen the room
        join(cancelled, ticket(cancelled, CallTicket.Role.APPLICANT, "applicant")).closedWith(4410);
    }

    @Test
    void aTicketOfAnotherRoomAForgedOneALateOneOrNoneIsRefused() throws Exception {
        String room = room();
        join(room, ticket(room(), CallTicket.Role.APPLICANT, "elsewhere")).closedWith(4403);
        join(room, new CallTickets("another-secret-of-at-least-thirty-two-chars")
                .sign(new CallTicket(room, CallTicket.Role.EMPLOYEE, "forged", clock.instant().plusSeconds(3600),
                        clock.instant().plusSeconds(60)))).closedWith(4403);
        String late = ticket(room, CallTicket.Role.APPLICANT, "late");
        clock.advance(Duration.ofMinutes(3));
        join(room, late).closedWith(4403);

        Browser silent = connect(room);
        silent.closedWith(4401); // no ticket within the second the tests allow
        Browser rude = connect(room);
        rude.socket.writeTextMessage("not json");
        rude.closedWith(4400);
    }

    @Test
    void aRoomClosesWhenItsTimeIsUp() throws Exception {
        String room = room();
        Browser applicant = join(room, ticket(room, CallTicket.Role.APPLICANT, "applicant"));
        applicant.first("welcome");
        clock.advance(Duration.ofHours(1));
        rooms.closeExpired();
        assertThat(applicant.first("ended").getString("reason")).isEqualTo("time-up");
        applicant.closedWith(1000);
    }

    private String ticket(String room, CallTicket.Role role, String participant) {
        Instant now = clock.instant();
        return new CallTickets(secret).sign(new CallTicket(room, role, participant, now.plus(Duration.ofMinutes(45)),
                now.plus(Duration.ofMinutes(2))));
    }

    private Browser join(String room, String ticket) throws Exception {
        Browser browser = connect(room);
        browser.send(new JsonObject().put("type", "join").put("ticket", ticket));
        return browser;
    }

    private Browser connect(String room) throws Exception {
        Browser browser = new Browser();
        WebSocketClient client = VERTX.createWebSocketClient();
        browser.socket = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/api/calls/rooms/" + room)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        browser.socket.textMessageHandler(text -> browser.received.add(new JsonObject(text)));
        browser.socket.closeHandler(v -> browser.closedWith = browser.socket.closeStatusCode());
        return browser;
    }

    private static String room() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    }
}
