package gr.mydimos.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Through gateway, booking-service and the real availability-service: callers race for a time only one employee
 * serves (transparency information: one employee); exactly one booking is made, the others get a 409 problem.
 */
class SlotRaceTest {

    private static final String SERVICE = "thessaloniki-transparency-information";

    @Test
    void ofEightCallersRacingForOneEmployeesTimeExactlyOneBooks() {
        String clerk = Demo.token("employees", "clerk-thessaloniki", "backoffice");
        List<String> starts = Demo.freeStarts(SERVICE, "PHONE", 4);
        String start = starts.get(starts.size() - 1);
        List<Response> answers = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> given()
                        .auth().oauth2(clerk).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                        .body("""
                                {"municipality": "thessaloniki", "service": "%s", "mode": "PHONE", "start": "%s",
                                 "person": {"fullName": "Καλών %d", "email": "caller%d@example.gr", "phone": "6912345678"},
                                 "onBehalfOfOther": false, "declarationAccepted": true, "language": "el", "channel": "PHONE"}"""
                                .formatted(SERVICE, start, i, i))
                        .post(Demo.GATEWAY + "/api/bookings")))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() != 201).hasSize(7).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.<String>path("type")).isEqualTo("https://mydimos.gov.gr/problems/slot-unavailable");
        });
        String reference = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().path("reference");
        given().auth().oauth2(clerk).post(Demo.GATEWAY + "/api/bookings/" + reference + "/cancel").then().statusCode(200);
    }
}
