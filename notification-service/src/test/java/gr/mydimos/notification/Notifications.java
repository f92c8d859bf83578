package gr.mydimos.notification;

import static io.restassured.RestAssured.given;

import gr.mydimos.notification.message.Dispatcher;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;

/** What tests read and do: the delivery log through the API, tokens from the real Keycloak, dispatch rounds. */
public final class Notifications {

    private Notifications() {
    }

    /** The delivery log of a booking as the citizen who owns it sees it (API.md), in the order messages are due. */
    public static List<Map<String, Object>> log(String reference) {
        return given().auth().oauth2(token("citizens", "citizen-maria", "portal"))
                .queryParam("booking", reference)
                .get("/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The log once it holds at least {@code count} messages (events are planned asynchronously). */
    public static List<Map<String, Object>> awaitLog(String reference, int count) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> log(reference), entries -> entries.size() >= count);
    }

    /** "KIND STATUS dueAt" per message, easy to compare as a whole. */
    public static List<String> summary(List<Map<String, Object>> log) {
        return log.stream().map(e -> e.get("kind") + " " + e.get("status") + " " + e.get("dueAt")).toList();
    }

    public static String token(String realm, String user, String client) {
        String keycloak = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        return new KeycloakTestClient(keycloak + "/realms/" + realm).getAccessToken(user, user, client);
    }

    /**
     * Runs {@code rounds} dispatch rounds at the same time, each on its own event loop and database connection, as
     * separate instances of the service would, and waits for all of them.
     */
    public static void dispatchConcurrently(Dispatcher dispatcher, Vertx vertx, int rounds) {
        CompletableFuture<?>[] done = IntStream.range(0, rounds)
                .mapToObj(i -> start(vertx, dispatcher::dispatch)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(done).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Dispatch rounds did not finish", e);
        }
    }

    /** Runs reactive work of the service (a scheduled job) on a Vert.x context of its own and waits for its result. */
    public static <T> T run(Vertx vertx, Supplier<Uni<T>> work) {
        try {
            return start(vertx, work).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Work did not finish", e);
        }
    }

    private static <T> CompletableFuture<T> start(Vertx vertx, Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result;
    }
}
