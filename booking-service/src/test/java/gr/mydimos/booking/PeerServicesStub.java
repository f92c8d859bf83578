package gr.mydimos.booking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stands in for the peer services registry and availability (never for infrastructure): the database, Kafka and
 * Keycloak are the real ones. The end-to-end tests run booking against the real peers.
 * A reservation asking for employee "thessaloniki-emp-busy" answers 409, as if someone had just taken that slot; a VIDEO
 * reservation is given "thessaloniki-emp-08".
 */
public class PeerServicesStub implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .globalTemplating(true));
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/registry/municipalities/thessaloniki"))
                .willReturn(json(200, resource("/registry-thessaloniki.json"))));
        server.stubFor(get(urlPathEqualTo("/api/registry/municipalities/thessaloniki/services"))
                .willReturn(json(200, resource("/registry-thessaloniki-services.json"))));
        server.stubFor(get(urlPathMatching("/api/registry/municipalities/atlantis.*"))
                .willReturn(json(404, "{\"status\":404,\"title\":\"Not Found\"}")));
        server.stubFor(post(urlPathEqualTo("/api/availability/reservations"))
                .willReturn(reserved("thessaloniki-emp-01")));
        // the transparency office's one employee serves its video calls (clerk-thessaloniki's staff record in the demo realm)
        server.stubFor(post(urlPathEqualTo("/api/availability/reservations"))
                .withRequestBody(matchingJsonPath("$.mode", equalTo("VIDEO")))
                .willReturn(reserved("thessaloniki-emp-08")));
        // a reservation naming thessaloniki-emp-07 gets them, whatever the mode
        server.stubFor(post(urlPathEqualTo("/api/availability/reservations"))
                .withRequestBody(matchingJsonPath("$.employee", equalTo("thessaloniki-emp-07")))
                .willReturn(reserved("thessaloniki-emp-07")));
        // the schedules' staff: thessaloniki-emp-08 of the registry's unit, thessaloniki-emp-04 of another, nobody else
        server.stubFor(get(urlPathEqualTo("/api/availability/internal/municipalities/thessaloniki/employees/thessaloniki-emp-08"))
                .willReturn(json(200, "{\"id\": \"thessaloniki-emp-08\", \"unitId\": \"thessaloniki-municipal-registry\", \"active\": true}")));
        server.stubFor(get(urlPathEqualTo("/api/availability/internal/municipalities/thessaloniki/employees/thessaloniki-emp-04"))
                .willReturn(json(200, "{\"id\": \"thessaloniki-emp-04\", \"unitId\": \"thessaloniki-civil-registry\", \"active\": true}")));
        server.stubFor(get(urlPathMatching("/api/availability/internal/municipalities/.*/employees/nobody"))
                .willReturn(json(404, "{\"status\": 404, \"field\": \"employee\"}")));
        server.stubFor(post(urlPathEqualTo("/api/availability/reservations"))
                .withRequestBody(matchingJsonPath("$.employee", equalTo("thessaloniki-emp-busy")))
                .willReturn(json(409, "{\"status\":409,\"title\":\"Slot no longer available\"}")));
        server.stubFor(delete(urlPathMatching("/api/availability/reservations/.*")).willReturn(aResponse().withStatus(204)));
        // no reservation kept to reconcile, unless a test says otherwise
        server.stubFor(get(urlPathEqualTo("/api/availability/reservations")).atPriority(10).willReturn(json(200, "[]")));
        return Map.of("quarkus.rest-client.registry.url", server.baseUrl(),
                "quarkus.rest-client.availability.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A reservation of fifteen minutes at the start asked for, given to the employee. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder reserved(String employee) {
        return json(201, """
                {"id": "{{randomValue type='UUID'}}", "employee": "%s",
                 "start": "{{jsonPath request.body '$.start'}}",
                 "end": "{{date (parseDate (jsonPath request.body '$.start')) offset='15 minutes' format="yyyy-MM-dd'T'HH:mm:ssXXX"}}"}"""
                .formatted(employee));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String resource(String name) {
        try (InputStream in = PeerServicesStub.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
