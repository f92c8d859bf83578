package gr.mydimos.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeSamplingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aClientsTraceparentAskingForItsTraceToBeKeptIsNotFollowed() {
        Sampler none = new EdgeSampling().sampler(0.0);
        assertThat(decision(none, parent(true, true))).isEqualTo(SamplingDecision.DROP);
        assertThat(decision(none, Context.root())).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void theGatewaysOwnDecisionIsFollowedByItsCallsToTheServices() {
        Sampler none = new EdgeSampling().sampler(0.0);
        assertThat(decision(none, parent(false, true))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        Sampler all = new EdgeSampling().sampler(1.0);
        assertThat(decision(all, parent(false, false))).isEqualTo(SamplingDecision.DROP);
        assertThat(decision(all, parent(true, false))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void aTenthIsKeptWhateverTheTraceIdSays() {
        Sampler tenth = new EdgeSampling().sampler(0.1);
        long kept = 0;
        for (int i = 0; i < 10_000; i++) {
            kept += decision(tenth, parent(true, true)) == SamplingDecision.RECORD_AND_SAMPLE ? 1 : 0;
        }
        assertThat(kept).isBetween(800L, 1200L);
    }

    private static Context parent(boolean remote, boolean sampled) {
        TraceFlags flags = sampled ? TraceFlags.getSampled() : TraceFlags.getDefault();
        SpanContext span = remote ? SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7", flags, TraceState.getDefault())
                : SpanContext.create(TRACE, "00f067aa0ba902b7", flags, TraceState.getDefault());
        return Context.root().with(Span.wrap(span));
    }

    private static SamplingDecision decision(Sampler sampler, Context parent) {
        return sampler.shouldSample(parent, TRACE, "GET /api/bookings", SpanKind.SERVER, Attributes.empty(), List.of())
                .getDecision();
    }
}
