package gr.mydimos.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import gr.mydimos.gateway.UpstreamStub;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway decides a trace's id and whether it is kept, whatever the client sends: sampled by EdgeSampling (at
 * ratio 0 in tests), propagated by EdgePropagation.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class EdgeSamplingInUseTest {

    private static final String CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Inject
    OpenTelemetry openTelemetry;

    @Test
    void theGatewayDecidesWhichTracesAreKept() {
        assertThat(((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().getSampler().getDescription())
                .contains("EdgeSampling");
    }

    @Test
    void aServiceGetsTheGatewaysTraceNeverTheOneAClientAskedFor() {
        given().header("traceparent", "00-" + CLIENT_TRACE + "-b7ad6b7169203331-01")
                .header("tracestate", "client=chosen").header("baggage", "person=someone-else")
                .get("/api/registry/municipalities/traced").then().statusCode(200);

        List<LoggedRequest> received = UpstreamStub.server.findAll(
                getRequestedFor(urlPathEqualTo("/api/registry/municipalities/traced")));
        assertThat(received).hasSize(1);
        String traceparent = received.get(0).getHeader("traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00") // a trace, not kept (ratio 0 in tests)
                .doesNotContain(CLIENT_TRACE);
        assertThat(received.get(0).containsHeader("tracestate")).isFalse();
        assertThat(received.get(0).containsHeader("baggage")).isFalse();
    }
}
