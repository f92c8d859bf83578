package gr.mydimos.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Stands in for the availability peer service (not for infrastructure): thessaloniki-emp-01 has a booked in-person
 * appointment ahead (a civil marriage licence), and so has that service; every other employee and service none.
 */
public class AvailabilityStub implements QuarkusTestResourceLifecycleManager {

    private static final String BOOKED = """
            [{"bookingReference": "K7QX-M4PA", "service": "thessaloniki-civil-marriage-licence", "mode": "IN_PERSON",
              "start": "2026-12-08T09:10:00+02:00", "end": "2026-12-08T09:25:00+02:00"}]""";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathMatching("/api/availability/employees/.*/appointments"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
        server.stubFor(get(urlPathEqualTo("/api/availability/employees/thessaloniki-emp-01/appointments"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(BOOKED)));
        server.stubFor(get(urlPathMatching("/api/availability/municipalities/.*/services/.*/appointments"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
        server.stubFor(get(urlPathEqualTo("/api/availability/municipalities/thessaloniki/services/thessaloniki-civil-marriage-licence/appointments"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(BOOKED)));
        return Map.of("quarkus.rest-client.availability.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
