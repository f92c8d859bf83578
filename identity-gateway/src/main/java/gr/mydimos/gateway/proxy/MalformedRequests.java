package gr.mydimos.gateway.proxy;

import gr.mydimos.gateway.Problems;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Requests no service should have to parse are refused at the edge with a problem, before any rule looks at their
 * path: so that the rate limiter, the router, the audit and the service all see one canonical path. Refused are an
 * address longer than the limit; a path that is not canonical (dot segments, empty segments, a trailing slash,
 * matrix parameters, percent-encoded letters, digits, slash, backslash or dot: anything Vert.x would normalise), or
 * that decodes to control characters or to no UTF-8; a body on a method that takes none; and a body larger than the
 * limit, whether announced (refused before any of it is read) or streamed without a length (counted as it arrives,
 * and only then passed on whole). A refused body's connection is closed once the answer is out.
 */
final class MalformedRequests {

    /** Where a streamed body that was read whole waits for the proxy to send it (see {@link #bufferedBody()}). */
    private static final String BUFFERED_BODY = "gateway.buffered-body";
    private static final Set<HttpMethod> WITHOUT_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE,
            HttpMethod.OPTIONS);

    /** A refused body up to this size is read and dropped so that the client reads the 413; a larger one is cut off. */
    static final long DRAINED_AT_MOST = 1024 * 1024;

    private final long maxBody;
    private final int maxUri;
    private final long bodyTimeoutMillis;

    MalformedRequests(long maxBody, int maxUri, long bodyTimeoutMillis) {
        this.maxBody = maxBody;
        this.maxUri = maxUri;
        this.bodyTimeoutMillis = bodyTimeoutMillis;
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        if (uri.length() > maxUri) {
            Problems.refuse(context, ProblemType.URI_TOO_LONG, Text.of(
                    "Η διεύθυνση είναι μεγαλύτερη από τους " + maxUri + " χαρακτήρες που δέχεται το API.",
                    "The address is longer than the " + maxUri + " characters this API accepts."));
            return;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            Problems.refuse(context, ProblemType.MALFORMED_REQUEST, Text.of(
                    "Η διεύθυνση δεν είναι κωδικοποιημένη ως UTF-8 με κωδικοποίηση ποσοστού (%).",
                    "The address is not percent-encoded UTF-8."));
            return;
        }
        if (decoded.chars().anyMatch(c -> c < 0x20 || c >= 0x7f && c < 0xa0 || c == 0x2028 || c == 0x2029 || c == 0xfffd)) {
            Problems.refuse(context, ProblemType.MALFORMED_REQUEST, Text.of(
                    "Η διεύθυνση περιέχει χαρακτήρες ελέγχου ή byte που δεν είναι UTF-8.",
                    "The address holds control characters or bytes that are not UTF-8."));
            return;
        }
        if (!canonical(request.path()) || !request.path().equals(context.normalizedPath())) {
            Problems.refuse(context, ProblemType.NON_CANONICAL_PATH, Text.of(
                    "Γράψτε τη διεύθυνση χωρίς τμήματα '.' ή '..', '//', '/' στο τέλος, παραμέτρους ';' και χωρίς"
                            + " κωδικοποίηση ποσοστού σε γράμματα, ψηφία και '/', '\\', '.'.",
                    "Write the address without '.' or '..' segments, '//', a trailing '/', ';' parameters or letters,"
                            + " digits and '/', '\\', '.' percent-encoded."));
            return;
        }
        String length = request.getHeader("Content-Length");
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        boolean announced = length != null && !length.equals("0");
        if (WITHOUT_BODY.contains(request.method()) && (announced || chunked)) {
            closeAfterAnswer(context);
            Problems.refuse(context, ProblemType.MALFORMED_REQUEST, Text.of(
                    "Ένα αίτημα " + request.method() + " δεν έχει σώμα.", request.method() + " takes no request body."));
            return;
        }
        if (length != null && (length.length() >= 19 || !length.chars().allMatch(Character::isDigit)
                || Long.parseLong(length) > DRAINED_AT_MOST)) {
            closeAfterAnswer(context); // not worth reading: the connection goes with the answer
            tooLarge(context);
            return;
        }
        if (chunked || length != null && Long.parseLong(length) > maxBody) {
            readWhole(context);
            return;
        }
        context.next();
    }

    /** The one form of each path: what Vert.x normalises to, and nothing a service might read differently. */
    static boolean canonical(String path) {
        if (path == null || !path.startsWith("/") || path.contains("//") || path.contains(";") || path.contains("\\")
                || (path.length() > 1 && path.endsWith("/"))) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%3b")
                || lower.contains("%25")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A body streamed without a length, or one announced a little over the limit, is counted as it arrives. Past the
     * limit it is read to its end and dropped, then refused with a 413: answered and closed while the client is still
     * sending, the connection would be reset and the client would never read the answer. Past
     * {@link #DRAINED_AT_MOST}, or not complete within {@code bodyTimeout}, it is refused and its connection closed.
     */
    private void readWhole(RoutingContext context) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        long[] received = {0};
        boolean[] refused = {false};
        long timer = context.vertx().setTimer(bodyTimeoutMillis, id -> {
            if (!refused[0]) {
                refused[0] = true;
                closeAfterAnswer(context);
                Problems.refuse(context, ProblemType.BODY_TOO_SLOW, Text.of("Το σώμα του αιτήματος δεν έφτασε εγκαίρως.",
                        "The request body did not arrive in time."));
            }
        });
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (refused[0]) {
                return;
            }
            if (received[0] > DRAINED_AT_MOST) {
                refused[0] = true;
                context.vertx().cancelTimer(timer);
                closeAfterAnswer(context);
                tooLarge(context);
            } else if (received[0] <= maxBody) {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(failure -> {
            refused[0] = true; // the caller went away: nothing to answer
            context.vertx().cancelTimer(timer);
        });
        request.endHandler(ended -> {
            context.vertx().cancelTimer(timer);
            if (refused[0]) {
                return;
            }
            if (received[0] > maxBody) {
                tooLarge(context);
                return;
            }
            ContextLocals.put(BUFFERED_BODY, body);
            context.next();
        });
        request.resume();
    }

    /** The body {@link #readWhole} read for this request, if it did. */
    static Optional<Buffer> bufferedBody() {
        return ContextLocals.get(BUFFERED_BODY);
    }

    private void tooLarge(RoutingContext context) {
        Problems.refuse(context, ProblemType.BODY_TOO_LARGE, Text.of(
                "Το σώμα του αιτήματος είναι μεγαλύτερο από τα " + maxBody + " byte που δέχεται το API.",
                "The request body is larger than the " + maxBody + " bytes this API accepts."));
    }

    /** The rest of a refused body is not read: the connection goes once the answer is out. */
    private static void closeAfterAnswer(RoutingContext context) {
        context.response().putHeader("Connection", "close");
        // addEndHandler, not the response's own end handler, which the routing context's end handlers (audit) use
        context.addEndHandler(sent -> context.request().connection().close());
    }
}
