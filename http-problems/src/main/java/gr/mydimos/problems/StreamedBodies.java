package gr.mydimos.problems;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body streamed without a length is read here, before the endpoint, rather than by Quarkus. Quarkus refuses one
 * over {@code quarkus.http.limits.max-body-size} while it is still arriving with an empty 413, and closes the
 * connection at once: the kernel then answers the data still coming with a reset, which can overtake the 413, and the
 * client sees the connection die instead of the answer. Here such a body is refused with the 413 problem, and the rest
 * of it read and dropped, for at most {@link #LINGER_MILLIS}, before the connection goes (a web server's lingering
 * close). A body within the limit is handed to the endpoint whole. A body with a length is refused by Quarkus before
 * any of it is read.
 */
@ApplicationScoped
public class StreamedBodies {

    /** Long enough for a client on a slow line to finish sending a refused form; one that never ends is cut off then. */
    static final long LINGER_MILLIS = 2_000;
    /** After the request id is set (400), so that a refusal carries it. */
    private static final int PRIORITY = 150;

    @Inject
    ProblemMappers problems;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void register(@Observes Filters filters) {
        filters.register(this::read, PRIORITY);
    }

    void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.isEnded() || !request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            context.next();
            return;
        }
        long max = limit.asLongValue();
        Buffer body = Buffer.buffer();
        long[] received = {0};
        long[] deadline = {-1};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] <= max) {
                body.appendBuffer(chunk);
            } else if (deadline[0] < 0) {
                deadline[0] = context.vertx().setTimer(LINGER_MILLIS, late -> request.connection().close());
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                problems.answer(context, ProblemMappers.bodyTooLarge());
            }
        });
        request.exceptionHandler(context::fail);
        request.endHandler(ended -> {
            if (deadline[0] >= 0) {
                context.vertx().cancelTimer(deadline[0]);
                request.connection().close();
            } else {
                ((RoutingContextInternal) context).setBody(body);
                context.next();
            }
        });
        request.resume();
    }
}
