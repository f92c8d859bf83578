package gr.mydimos.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
 * Stands in for the peer services registry and booking (never for infrastructure: the database, Kafka, Keycloak
 * and the mail server are the real ones). booking-service's read of a booking answers as booking-service would for
 * references starting NOTYOURS (404) and OTHERMUN (403); any other reference is visible to the caller.
 */
public class PeerServicesStub implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true));
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/registry/municipalities/thessaloniki"))
                .willReturn(json(200, resource("/registry-thessaloniki.json"))));
        server.stubFor(get(urlPathMatching("/api/bookings/[^/]+"))
                .willReturn(json(200, "{\"reference\": \"{{request.pathSegments.[2]}}\"}")));
        server.stubFor(get(urlPathMatching("/api/bookings/NOTYOURS.*"))
                .willReturn(json(404, "{\"status\": 404, \"title\": \"Booking not found\"}")));
        server.stubFor(get(urlPathMatching("/api/bookings/OTHERMUN.*"))
                .willReturn(json(403, "{\"status\": 403, \"title\": \"Forbidden\"}")));
        return Map.of("quarkus.rest-client.registry.url", server.baseUrl(),
                "quarkus.rest-client.booking.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
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
