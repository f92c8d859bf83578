package gr.mydimos.registry.certificates;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Stands in for the booking peer service (not for infrastructure): booking K7QX-M4PA is Maria's civil marriage
 * licence in Thessaloniki; any other reference is not the caller's to see (as booking-service answers staff of another
 * municipality).
 */
public class BookingStub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathMatching("/api/bookings/.*")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\": 403}")));
        server.stubFor(get(urlPathEqualTo("/api/bookings/K7QX-M4PA")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"reference": "K7QX-M4PA", "status": "CONFIRMED", "municipality": "thessaloniki",
                         "service": "thessaloniki-civil-marriage-licence",
                         "person": {"fullName": "Μαρία Παπαδοπούλου", "taxId": "094259216"}}""")));
        // a suspension: the municipality's one upcoming booking is cancelled, none is left the second time
        server.stubFor(post(urlPathEqualTo("/api/bookings/municipalities/kalamaria/suspension")).inScenario("suspension")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("cancelled").willReturn(aResponse()
                        .withHeader("Content-Type", "application/json").withBody("{\"cancelled\": [\"KLMR-0001\"]}")));
        server.stubFor(post(urlPathEqualTo("/api/bookings/municipalities/kalamaria/suspension")).inScenario("suspension")
                .whenScenarioStateIs("cancelled").willReturn(aResponse()
                        .withHeader("Content-Type", "application/json").withBody("{\"cancelled\": []}")));
        // booking-service down
        server.stubFor(post(urlPathEqualTo("/api/bookings/municipalities/thermaikos/suspension")).willReturn(aResponse().withStatus(503)));
        return Map.of("quarkus.rest-client.booking.url", server.baseUrl(), "quarkus.rest-client.booking-suspension.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
