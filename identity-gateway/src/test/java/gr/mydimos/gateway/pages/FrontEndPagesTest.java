package gr.mydimos.gateway.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import gr.mydimos.gateway.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

/** The front ends' pages from the gateway (stand-in builds under src/test/resources/portal and .../backoffice). */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class FrontEndPagesTest {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void thePortalAndEachOfItsPageAddressesAreServedWithAStrictPolicy() {
        for (String page : new String[] {"/", "/municipalities/thessaloniki", "/my-bookings"}) {
            given().get(page).then().statusCode(200).contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    // signing out is a form posted here that the gateway sends on to Keycloak
                    .header("Content-Security-Policy", containsString("form-action 'self' http://127.0.0.1:8180;"))
                    .header("Cache-Control", "no-cache")
                    .body(containsString("<div id=\"root\">"));
        }
        given().head("/").then().statusCode(200);
    }

    @Test
    void theBackOfficeHasItsOwnPagesUnderOffice() {
        for (String page : new String[] {"/office/", "/office/agenda", "/office/bookings/K7QX-M4PA"}) {
            given().get(page).then().statusCode(200).contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .body(containsString("<div id=\"office-root\">"));
        }
        given().redirects().follow(false).get("/office").then().statusCode(301).header("Location", "/office/");
        given().get("/office/assets/office-9z8y7x.js").then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable").body(containsString("back office"));
        // the portal's addresses stay the portal's
        given().get("/municipalities/thessaloniki").then().statusCode(200).body(containsString("<div id=\"root\">"));
    }

    @Test
    void aScriptGoesInTheCompressionTheBrowserTakesAndIsKeptForAYear() {
        given().config(RAW).header("Accept-Encoding", "gzip").get("/assets/app-1a2b3c.js").then().statusCode(200)
                .header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"))
                .header("Cache-Control", "public, max-age=31536000, immutable");
        // gzip refused (q=0): the file as it is
        given().config(RAW).header("Accept-Encoding", "gzip;q=0").get("/assets/app-1a2b3c.js").then().statusCode(200)
                .header("Content-Encoding", nullValue()).body(equalTo("console.log(\"app\");\n"));
    }

    @Test
    void aMissingAssetIsNotCachedAndApiAddressesAreNotPages() {
        // a page of a newer build asking an older gateway must not be stuck with a year-long 404
        given().get("/assets/app-ffffff.js").then().statusCode(404).header("Cache-Control", "no-store");
        given().get("/api/bookings/ABCD-EFGH").then().statusCode(401).contentType("application/problem+json"); // the API
    }
}
