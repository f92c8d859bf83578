package gr.mydimos.gateway.security;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which traces are kept is decided here, where they enter from the internet: a client's own {@code traceparent} is
 * not followed, so no client has its requests traced (5-8 % of the CPU they cost) by setting the flag, nor by choosing
 * trace ids that a ratio of the id would keep. The services behind follow the gateway's decision (parent-based).
 */
public class EdgeSampling {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "quarkus.otel.traces.sampler.arg") double ratio) {
        Sampler edge = chance(ratio);
        return Sampler.parentBasedBuilder(edge).setRemoteParentSampled(edge).setRemoteParentNotSampled(edge).build();
    }

    /** Keeps a trace at random, with the given probability: what the trace id says has no part in it. */
    static Sampler chance(double ratio) {
        SamplingResult keep = SamplingResult.recordAndSample();
        SamplingResult drop = SamplingResult.drop();
        return new Sampler() {
            @Override
            public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
                                               Attributes attributes, List<LinkData> links) {
                return ThreadLocalRandom.current().nextDouble() < ratio ? keep : drop;
            }

            @Override
            public String getDescription() {
                return "EdgeSampling{chance=" + ratio + "}";
            }
        };
    }
}
