package gr.mydimos.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import gr.mydimos.gateway.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The gateway's traces are sampled by EdgeSampling, not by the ratio of the trace id Quarkus would configure. */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class EdgeSamplingInUseTest {

    @Inject
    OpenTelemetry openTelemetry;

    @Test
    void theGatewayDecidesWhichTracesAreKept() {
        assertThat(((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().getSampler().getDescription())
                .contains("EdgeSampling");
    }
}
