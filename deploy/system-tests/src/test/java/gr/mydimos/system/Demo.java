package gr.mydimos.system;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The running demo system the end-to-end tests talk to, and the demo users' tokens. */
final class Demo {

    static final String GATEWAY = System.getProperty("gateway.url", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getProperty("keycloak.url", "http://127.0.0.1:8180");
    static final String MAIL_API = System.getProperty("greenmail.api", "http://127.0.0.1:8025");

    private Demo() {
    }

    static String token(String realm, String user, String client) {
        return given().formParams("grant_type", "password", "client_id", client, "username", user, "password", user)
                .post(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * A person holds one upcoming booking per service: the demo system may keep one from an earlier run (the tests run
     * against the same local databases), so the municipality's clerk cancels it first.
     */
    static void cancelUpcomingBookings(String citizenToken, String service) {
        List<Map<String, Object>> mine = given().auth().oauth2(citizenToken).get(GATEWAY + "/api/bookings")
                .then().statusCode(200).extract().jsonPath().getList("$");
        String clerk = token("employees", "clerk-thessaloniki", "backoffice");
        mine.stream().filter(b -> service.equals(b.get("service")) && "CONFIRMED".equals(b.get("status")))
                .forEach(b -> given().auth().oauth2(clerk).post(GATEWAY + "/api/bookings/" + b.get("reference") + "/cancel")
                        .then().statusCode(200));
    }

    /** A Thessaloniki clerk books the time for a caller on the phone (Νίκος Γεωργίου); answers the reference. */
    static String phoneBooking(String clerk, String service, String start) {
        return given().auth().oauth2(clerk).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(io.restassured.http.ContentType.JSON).body("""
                        {"municipality": "thessaloniki", "service": "%s", "mode": "IN_PERSON", "start": "%s",
                         "person": {"fullName": "Νίκος Γεωργίου", "email": "nikos@example.gr", "phone": "6912345678"},
                         "onBehalfOfOther": false, "declarationAccepted": true, "language": "el", "channel": "PHONE"}"""
                        .formatted(service, start))
                .post(GATEWAY + "/api/bookings").then().statusCode(201).extract().path("reference");
    }

    /** The free start times of a Thessaloniki service on the first weekday, some weeks ahead, that has any. */
    static List<String> freeStarts(String service, String mode, int weeksAhead) {
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Athens")).plusWeeks(weeksAhead);
        for (int i = 0; i < 30; i++, day = day.plusDays(1)) {
            if (day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                continue;
            }
            List<String> starts = given().queryParams("municipality", "thessaloniki", "service", service,
                            "mode", mode, "from", day.toString(), "to", day.toString())
                    .get(GATEWAY + "/api/availability/slots").then().statusCode(200)
                    .extract().jsonPath().getList("start");
            if (!starts.isEmpty()) {
                return starts;
            }
        }
        throw new AssertionError("no free time of " + service + " in 30 days");
    }

    /** The last free in-person time of that day (the end of the day, away from the other tests' bookings). */
    static String freeSlot(String service, int weeksAhead) {
        List<String> starts = freeStarts(service, "IN_PERSON", weeksAhead);
        return starts.get(starts.size() - 1);
    }

    /** The first text/plain part, however deeply the parts nest (mixed with an .ics → alternative → text). */
    static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String text = plainText(parts.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** Subject and plain text of each message GreenMail holds for the address. */
    static List<String[]> inbox(String email) throws Exception {
        Response response = given().get(MAIL_API + "/api/user/" + email + "/messages/INBOX");
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<String> raw = response.jsonPath().getList("mimeMessage", String.class);
        List<String[]> mails = new java.util.ArrayList<>();
        for (String r : raw) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(r.getBytes(StandardCharsets.UTF_8)));
            mails.add(new String[] {message.getSubject(), plainText(message)});
        }
        return mails;
    }
}
