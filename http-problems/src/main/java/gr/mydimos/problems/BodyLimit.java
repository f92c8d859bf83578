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
 * A request body over {@code quarkus.http.limits.max-body-size} is refused here, with the 413 problem, rather than by
 * Quarkus. Quarkus answers an empty 413 and closes the connection at once, while the body is still arriving: the
 * kernel then answers the data still coming with a reset, which can overtake the 413, and the client sees the
 * connection die instead of the answer. Here the 413 problem is sent as soon as the body is known to be too large (at
 * once when its length says so, else when the streamed chunks pass the limit), and the rest is read and dropped, for
 * at most {@link #LINGER_MILLIS}, before the connection goes (a web server's lingering close). A streamed body within
 * the limit is handed to the endpoint whole, if it arrives within {@link #BODY_TIMEOUT_MILLIS} (a 408 problem
 * otherwise); one with a length within the limit is left to Quarkus. HTTP/1.1 only: the services do not speak HTTP/2.
 */
@ApplicationScoped
public class BodyLimit {

    /** Long enough for a client on a slow line to finish sending a refused form; one that never ends is cut off then. */
    static final long LINGER_MILLIS = 2_000;
    /** A streamed body must have arrived whole within this (as at the gateway), or it is refused with the 408 problem. */
    static final long BODY_TIMEOUT_MILLIS = 10_000;
    /** After the request id is set (400), so that a refusal carries it; before Quarkus' own check of the length. */
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
        long max = limit.asLongValue();
        boolean streamed = request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (request.isEnded() || !streamed && announced(request) <= max) {
            context.next();
            return;
        }
        Buffer body = Buffer.buffer();
        long[] received = {0};
        // -1 while the body is read; once it is refused, the timer that closes the connection if the body does not end
        long[] refused = {streamed ? -1 : refuse(context, ProblemMappers.bodyTooLarge())};
        long slow = !streamed ? -1 : context.vertx().setTimer(BODY_TIMEOUT_MILLIS, late -> {
            if (refused[0] < 0) {
                refused[0] = refuse(context, ProblemMappers.bodyTooSlow());
            }
        });
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (refused[0] >= 0) {
                return; // read and dropped
            }
            if (received[0] <= max) {
                body.appendBuffer(chunk);
            } else {
                context.vertx().cancelTimer(slow);
                refused[0] = refuse(context, ProblemMappers.bodyTooLarge());
            }
        });
        request.exceptionHandler(failure -> {
            context.vertx().cancelTimer(slow);
            if (refused[0] >= 0) {
                context.vertx().cancelTimer(refused[0]); // the caller went away after its answer: nothing left to do
            } else {
                context.fail(failure);
            }
        });
        request.endHandler(ended -> {
            context.vertx().cancelTimer(slow);
            if (refused[0] >= 0) {
                context.vertx().cancelTimer(refused[0]);
                request.connection().close();
            } else {
                ((RoutingContextInternal) context).setBody(body);
                context.next();
            }
        });
        if (streamed && request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            context.response().writeContinue(); // the caller waits for it before sending a body it may send
            request.headers().remove(HttpHeaders.EXPECT); // said once: RESTEasy would say it again
        }
        request.resume();
    }

    /** The length the request announces; none, or one that is no number, is Quarkus' to handle. */
    private static long announced(HttpServerRequest request) {
        try {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Answers the problem and returns the timer that closes the connection if the body does not end first. */
    private long refuse(RoutingContext context, Problem problem) {
        long timer = context.vertx().setTimer(LINGER_MILLIS, late -> context.request().connection().close());
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        problems.answer(context, problem);
        return timer;
    }
}
