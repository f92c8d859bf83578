package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The walking-skeleton thread across the five running services: a citizen signs in at Keycloak, finds a free time
 * through the gateway, books it (gateway -> booking -> availability), and the confirmation travels
 * booking outbox -> Kafka -> notification -> SMTP into the GreenMail mailbox.
 */
class BookingThroughAllServicesTest {

    private static final String GATEWAY = Demo.GATEWAY;
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final String SERVICE = "thessaloniki-registry-certificate";

    @Test
    void citizenBooksThroughTheGatewayAndReceivesTheConfirmationEmail() throws Exception {
        given().get(GATEWAY + "/api/registry/municipalities")
                .then().statusCode(200).body("code", hasItem("thessaloniki"));

        String token = token("citizens", "citizen-maria", "portal");
        Demo.cancelUpcomingBookings(token, SERVICE);
        String start = Demo.freeStarts(SERVICE, "IN_PERSON", 2).get(0);
        // The form is pre-filled from the registry, found by the tax number in the token.
        given().auth().oauth2(token).get(GATEWAY + "/api/registry/me")
                .then().statusCode(200).body("taxId", equalTo("094259216")).body("municipality", equalTo("thessaloniki"));
        String email = "maria-" + UUID.randomUUID() + "@example.gr";
        String key = UUID.randomUUID().toString();

        Response created = book(token, key, start, email);
        created.then().statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("start", equalTo(start))
                .body("documents.nameEl", hasItem("Αστυνομική ταυτότητα ή διαβατήριο"));
        String reference = created.path("reference");

        // The same form submitted again: the same booking, and no second one.
        book(token, key, start, email).then().statusCode(201).body("reference", equalTo(reference));
        List<String> mine = given().auth().oauth2(token).get(GATEWAY + "/api/bookings")
                .then().statusCode(200).extract().jsonPath().getList("reference");
        assertThat(mine).filteredOn(reference::equals).hasSize(1);

        // Maria may hold one upcoming booking of this service; a second one is refused.
        book(token, UUID.randomUUID().toString(), start, email).then().statusCode(409)
                .body("type", equalTo("https://mydimos.gov.gr/problems/booking-limit-reached"));

        // The time stays bookable while a qualified employee is free (a clerk books callers into it by phone);
        // once all are taken it is a 409 for everyone.
        String clerk = token("employees", "clerk-thessaloniki", "backoffice");
        int more = 0;
        while (book(clerk, UUID.randomUUID().toString(), start, email, "PHONE").statusCode() == 201) {
            assertThat(++more).as("bookings beyond the employees who serve this service").isLessThan(10);
        }
        book(clerk, UUID.randomUUID().toString(), start, email, "PHONE").then().statusCode(409)
                .body("type", equalTo("https://mydimos.gov.gr/problems/slot-unavailable"));
        slots(start.substring(0, 10)).then().body("start", not(hasItem(start)));

        // Only the owner and the municipality's staff see it.
        given().auth().oauth2(token("citizens", "citizen-nikos", "portal")).get(GATEWAY + "/api/bookings/" + reference)
                .then().statusCode(404);
        String employee = given().auth().oauth2(token("employees", "clerk-thessaloniki", "backoffice"))
                .get(GATEWAY + "/api/bookings/" + reference).then().statusCode(200).body("reference", equalTo(reference))
                .extract().path("employee");

        // Each of those reads is in the audit trail, for central admins to see (ID-3).
        String centralAdmin = token("employees", "central-admin", "backoffice");
        List<String> readers = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given()
                        .auth().oauth2(centralAdmin).queryParam("record", "/api/bookings/" + reference)
                        .get(GATEWAY + "/api/audit").then().statusCode(200).extract().jsonPath()
                        .<String>getList("findAll { it.action == 'GET' }.collect { it.actorName + ' ' + it.outcome }"),
                r -> r.size() >= 2);
        assertThat(readers).contains("citizen-nikos 404", "clerk-thessaloniki 200");
        given().auth().oauth2(centralAdmin).get(GATEWAY + "/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));

        // The employee cannot be removed from the staff while they have this appointment (registry asks availability).
        given().auth().oauth2(token("employees", "admin-thessaloniki", "backoffice"))
                .delete(GATEWAY + "/api/registry/municipalities/thessaloniki/employees/" + employee)
                .then().statusCode(409).body("appointments.bookingReference", hasItem(reference));
        // Nor may the service of the appointment be taken from them; the rest of their record may change.
        String staff = GATEWAY + "/api/registry/municipalities/thessaloniki/employees";
        java.util.Map<String, Object> record = given().auth().oauth2(token("employees", "admin-thessaloniki", "backoffice"))
                .get(staff).then().statusCode(200).extract().jsonPath().getMap("find { it.id == '" + employee + "' }");
        java.util.Map<String, Object> without = new java.util.HashMap<>(record);
        without.put("serviceIds", ((List<?>) record.get("serviceIds")).stream().filter(s -> !SERVICE.equals(s)).toList());
        given().auth().oauth2(token("employees", "admin-thessaloniki", "backoffice")).contentType(ContentType.JSON)
                .body(without).put(staff + "/" + employee)
                .then().statusCode(409).body("appointments.bookingReference", hasItem(reference));

        String when = OffsetDateTime.parse(start).atZoneSameInstant(ATHENS)
                .format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.forLanguageTag("el")));
        int bookings = 1 + more;
        List<String[]> mails = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Demo.inbox(email), m -> m.size() >= bookings);
        assertThat(mails).hasSize(bookings); // one confirmation per booking, none twice
        String[] first = mails.stream().filter(m -> m[0].endsWith(reference)).findFirst().orElseThrow();
        assertThat(first[0]).isEqualTo("Επιβεβαίωση ραντεβού " + reference);
        assertThat(first[1])
                .contains("Κωδικός ραντεβού: " + reference)
                .contains("Δήμος: Δήμος Θεσσαλονίκης")
                .contains("Υπηρεσία: Έκδοση πιστοποιητικού δημοτολογίου")
                .contains("Ημερομηνία και ώρα: " + when)
                .contains("- Αστυνομική ταυτότητα ή διαβατήριο");

        // Maria moves it to a later free time of the same day: the same employee serves her, the old time is free
        // again, and the employee's booked appointments in availability follow.
        String day = start.substring(0, 10);
        String later = slots(day).then().extract().jsonPath().<String>getList("start").stream()
                .filter(s -> s.compareTo(start) > 0).findFirst().orElseThrow();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"start\": \"" + later + "\"}")
                .post(GATEWAY + "/api/bookings/" + reference + "/reschedule")
                .then().statusCode(200).body("start", equalTo(later)).body("employee", equalTo(employee));
        slots(day).then().body("start", hasItem(start));
        String admin = token("employees", "admin-thessaloniki", "backoffice");
        String appointments = GATEWAY + "/api/availability/employees/" + employee + "/appointments";
        given().auth().oauth2(admin).get(appointments).then().statusCode(200)
                .body("find { it.bookingReference == '" + reference + "' }.start", equalTo(later));

        // and cancels it: availability no longer keeps the employee's time for it.
        given().auth().oauth2(token).post(GATEWAY + "/api/bookings/" + reference + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(admin).get(appointments).then().statusCode(200)
                .body("bookingReference", not(hasItem(reference)));

        // Maria is told of each change; the reminders planned for either time are withdrawn, and she (not Nikos)
        // can read what was sent about her booking.
        String laterWhen = OffsetDateTime.parse(later).atZoneSameInstant(ATHENS)
                .format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.forLanguageTag("el")));
        List<String> subjects = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Demo.inbox(email), m -> m.size() >= bookings + 2).stream().map(m -> m[0]).toList();
        assertThat(subjects).hasSize(bookings + 2)
                .contains("Αλλαγή ραντεβού " + reference + ": " + laterWhen, "Ακύρωση ραντεβού " + reference);
        given().auth().oauth2(token).queryParam("booking", reference).get(GATEWAY + "/api/notifications")
                .then().statusCode(200)
                .body("kind", hasItems("CONFIRMATION", "RESCHEDULE", "CANCELLATION", "REMINDER"))
                .body("findAll { it.kind == 'REMINDER' }.status", everyItem(equalTo("CANCELLED")))
                .body("findAll { it.kind != 'REMINDER' }.status", everyItem(equalTo("SENT")));
        given().auth().oauth2(token("citizens", "citizen-nikos", "portal")).queryParam("booking", reference)
                .get(GATEWAY + "/api/notifications").then().statusCode(404);

        // Operators see it in each service's metrics (Prometheus format), on its management port.
        assertThat(metrics("http://127.0.0.1:9081")).containsPattern("outbox_published_total\\{[^}]*type=\"BookingConfirmed\"[^}]*\\} [1-9]")
                .containsPattern("outbox_published_total\\{[^}]*type=\"BookingCancelled\"[^}]*\\} [1-9]")
                .contains("outbox_lag_seconds");
        assertThat(metrics("http://127.0.0.1:9082")).containsPattern("availability_slot_search_seconds_count\\{[^}]*\\} [1-9]");
        assertThat(metrics("http://127.0.0.1:9083"))
                .containsPattern("notification_messages_sent_total\\{[^}]*kind=\"CONFIRMATION\"[^}]*\\} [1-9]")
                .contains("notification_delivery_delay_seconds_count");
        assertThat(metrics("http://127.0.0.1:9080")).contains("gateway_audit_queued");
    }

    private static String metrics(String service) {
        return given().get(service + "/q/metrics").then().statusCode(200).extract().asString();
    }

    private static Response book(String token, String key, String start, String email) {
        return book(token, key, start, email, null);
    }

    private static Response book(String token, String key, String start, String email, String channel) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("""
                        {"municipality": "thessaloniki", "service": "%s", "mode": "IN_PERSON", "start": "%s",
                         "person": {"fullName": "Μαρία Παπαδοπούλου", "email": "%s", "phone": "6912345678"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el", "channel": %s}"""
                        .formatted(SERVICE, start, email, channel == null ? "null" : "\"" + channel + "\""))
                .post(GATEWAY + "/api/bookings");
    }

    private static Response slots(String day) {
        return given().queryParams("municipality", "thessaloniki", "service", SERVICE, "mode", "IN_PERSON",
                "from", day, "to", day).get(GATEWAY + "/api/availability/slots");
    }

    private static String token(String realm, String user, String client) {
        return Demo.token(realm, user, client);
    }
}
