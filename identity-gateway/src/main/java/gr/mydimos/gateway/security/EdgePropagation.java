package gr.mydimos.gateway.security;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurablePropagatorProvider;
import java.util.Collection;

/**
 * The gateway's propagator ({@code quarkus.otel.propagators=edge}): every request from outside starts a trace of the
 * gateway's own, whose W3C context it passes to the services. Nothing a client sends is taken, so no client picks the
 * trace id that the services' log lines will carry (and so mixes its requests into another person's trace), nor
 * whether its requests are traced ({@link EdgeSampling}), nor baggage; the proxy drops the headers before forwarding.
 */
public class EdgePropagation implements ConfigurablePropagatorProvider {

    static final String NAME = "edge";

    @Override
    public TextMapPropagator getPropagator(ConfigProperties config) {
        TextMapPropagator w3c = W3CTraceContextPropagator.getInstance();
        return new TextMapPropagator() {
            @Override
            public Collection<String> fields() {
                return w3c.fields();
            }

            @Override
            public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
                w3c.inject(context, carrier, setter);
            }

            @Override
            public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
                return context;
            }
        };
    }

    @Override
    public String getName() {
        return NAME;
    }
}
