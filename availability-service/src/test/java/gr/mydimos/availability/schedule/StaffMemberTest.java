package gr.mydimos.availability.schedule;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import gr.mydimos.availability.RegistryStub;
import gr.mydimos.availability.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** booking-service asks for one employee's unit (a colleague named to take a video call); nobody else may. */
@QuarkusTest
@QuarkusTestResource(RegistryStub.class)
class StaffMemberTest {

    private static final String PATH = "/api/availability/internal/municipalities/%s/employees/%s";

    @Test
    void bookingServiceReadsAnEmployeesUnitOfTheMunicipalityOnly() {
        String service = Tokens.bookingService();
        given().auth().oauth2(service).get(PATH.formatted("thessaloniki", "thessaloniki-emp-08")).then().statusCode(200)
                .body("unitId", equalTo("thessaloniki-transparency")).body("active", equalTo(true));
        given().auth().oauth2(service).get(PATH.formatted("thermaikos", "thessaloniki-emp-08")).then().statusCode(404)
                .body("field", equalTo("employee"));
        given().auth().oauth2(service).get(PATH.formatted("thessaloniki", "nobody")).then().statusCode(404);
        given().auth().oauth2(Tokens.employee("admin-thessaloniki")).get(PATH.formatted("thessaloniki", "thessaloniki-emp-08"))
                .then().statusCode(403);
        given().get(PATH.formatted("thessaloniki", "thessaloniki-emp-08")).then().statusCode(401);
    }
}
