package gr.mydimos.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** One stub standing in for the services behind the gateway; the notification route points at a closed port. */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"upstream\": true}")));
        // a service that answers too late for the gateway (response timeout 2 s in tests)
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/bookings/SLOW-SLOW"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
        // a service that answers in time, but takes long enough for requests to pile up
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/registry/municipalities/busy"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(500)));
        // a service that says its answer may be kept if revalidated (as the public slot search does)
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/availability/slots"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", "no-cache").withHeader("ETag", "\"abc-1\"").withBody("[]")));
        // a service that would let a personal answer be kept
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/bookings/KEPT-KEPT"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", "private, max-age=600").withBody("{}")));
        // a service that (wrongly) sets a cookie
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/registry/municipalities/cookie"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Set-Cookie", "q_session_citizens-web=planted; Path=/").withBody("{}")));
        // a service that fails
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/registry/municipalities/broken"))
                .willReturn(aResponse().withStatus(500)));
        return Map.of(
                "gateway.response-timeout", "PT2S",
                "gateway.body-timeout", "PT1S",
                // four requests at a time to each service, two more may wait: the rest are shed
                "gateway.connections-per-service", "4",
                "gateway.max-queued-per-service", "2",
                "gateway.routes.registry.url", server.baseUrl(),
                "gateway.routes.availability.url", server.baseUrl(),
                "gateway.routes.bookings.url", server.baseUrl(),
                "gateway.routes.notifications.url", "http://127.0.0.1:9");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
