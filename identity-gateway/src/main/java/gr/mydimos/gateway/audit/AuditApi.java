package gr.mydimos.gateway.audit;

import gr.mydimos.gateway.Problems;
import gr.mydimos.gateway.ServedMunicipalities;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The audit trail (ID-3): {@code GET /api/audit?actor=&record=&from=&to=&limit=} lists entries, newest first — all of
 * them for a central admin, those of the municipality they act for to a municipal admin (seed 004 Art.5§3);
 * {@code GET /api/audit/verify} recomputes the whole chain and names the first entry that does not match.
 */
@ApplicationScoped
public class AuditApi {

    private static final int VERIFY_PAGE = 5000;

    @Inject
    Pool database;
    @Inject
    AuditRecorder recorder;

    void routes(@Observes Router router) {
        // Registered before the /api/* reverse proxy, which never sees these paths.
        router.get("/api/audit/verify").order(-10).handler(this::verify);
        router.get("/api/audit").order(-10).handler(this::query);
    }

    private void query(RoutingContext context) {
        recorder.onEnd(context); // reading the trail is itself a read of personal data
        OffsetDateTime from;
        OffsetDateTime to;
        int limit;
        try {
            from = time(context, "from", OffsetDateTime.parse("1970-01-01T00:00:00Z"));
            to = time(context, "to", OffsetDateTime.parse("9999-12-31T00:00:00Z"));
            limit = limit(context);
        } catch (InvalidField e) {
            Problems.refuse(context, ProblemType.INVALID_FIELD,
                    Text.of(e.field + ": " + e.expected.el(), e.field + ": " + e.expected.en()), e.field);
            return;
        }
        String actor = context.request().getParam("actor");
        String record = context.request().getParam("record");
        String municipality = null;
        SecurityIdentity identity = ((QuarkusHttpUser) context.user()).getSecurityIdentity();
        if (!identity.hasRole("central-admin")) {
            municipality = identity.getPrincipal() instanceof JsonWebToken token
                    ? ServedMunicipalities.actingFor(token, context.request().getHeader(ServedMunicipalities.HEADER)) : null;
            if (municipality == null) {
                Problems.refuse(context, ProblemType.FORBIDDEN, Text.of(
                        "Ο διαχειριστής δήμου βλέπει το ημερολόγιο του δήμου για τον οποίο ενεργεί· η σύνδεση δεν ορίζει έναν τέτοιο δήμο.",
                        "A municipal admin reads the trail of the municipality they act for; the sign-in names no such municipality."), ServedMunicipalities.HEADER);
                return;
            }
        }
        database.preparedQuery("""
                        SELECT * FROM audit_entry WHERE at >= $1 AND at < $2
                          AND ($3::text IS NULL OR actor = $3 OR actor_name = $3)
                          AND ($4::text IS NULL OR strpos(record, $4) > 0)
                          AND ($6::text IS NULL OR municipality = $6)
                        ORDER BY seq DESC LIMIT $5""")
                .execute(Tuple.of(from, to, actor, record, limit).addValue(municipality))
                .subscribe().with(rows -> {
                    JsonArray entries = new JsonArray();
                    rows.forEach(row -> entries.add(json(row)));
                    context.response().putHeader("Content-Type", "application/json").end(entries.encode());
                }, context::fail);
    }

    private void verify(RoutingContext context) {
        recorder.onEnd(context);
        verifyFrom(0, AuditEntry.GENESIS, 0)
                .subscribe().with(result -> context.response().putHeader("Content-Type", "application/json")
                        .end(result.encode()), context::fail);
    }

    /** Checks the chain page by page: every entry's previous hash and its own hash, and no gap in the sequence. */
    private Uni<JsonObject> verifyFrom(long afterSeq, String previousHash, long checked) {
        return database.preparedQuery("SELECT * FROM audit_entry WHERE seq > $1 ORDER BY seq LIMIT $2")
                .execute(Tuple.of(afterSeq, VERIFY_PAGE))
                .flatMap(rows -> {
                    long seq = afterSeq;
                    String previous = previousHash;
                    long count = checked;
                    for (Row row : rows) {
                        long expectedSeq = seq + 1;
                        seq = row.getLong("seq");
                        AuditEntry entry = new AuditEntry(row.getOffsetDateTime("at").toInstant(), row.getString("actor"),
                                row.getString("actor_name"), row.getString("municipality"), row.getString("address"),
                                row.getString("action"), row.getString("record"), row.getInteger("outcome"),
                                row.getString("request_id"), row.getString("client_request_id"));
                        if (seq != expectedSeq || !previous.equals(row.getString("previous_hash"))
                                || !entry.hash(seq, previous).equals(row.getString("hash"))) {
                            return Uni.createFrom().item(new JsonObject().put("intact", false)
                                    .put("entriesChecked", count).put("firstBrokenSeq", expectedSeq));
                        }
                        previous = row.getString("hash");
                        count++;
                    }
                    if (rows.size() < VERIFY_PAGE) {
                        return Uni.createFrom().item(new JsonObject().put("intact", true).put("entriesChecked", count));
                    }
                    return verifyFrom(seq, previous, count);
                });
    }

    private static final java.time.ZoneId ATHENS = java.time.ZoneId.of("Europe/Athens");

    private static JsonObject json(Row row) {
        return new JsonObject().put("seq", row.getLong("seq"))
                .put("at", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        row.getOffsetDateTime("at").atZoneSameInstant(ATHENS))) // every time in Athens time
                .put("actor", row.getString("actor")).put("actorName", row.getString("actor_name"))
                .put("municipality", row.getString("municipality")).put("address", row.getString("address"))
                .put("action", row.getString("action")).put("record", row.getString("record"))
                .put("outcome", row.getInteger("outcome")).put("requestId", row.getString("request_id"))
                .put("clientRequestId", row.getString("client_request_id"));
    }

    private static OffsetDateTime time(RoutingContext context, String name, OffsetDateTime otherwise) {
        String value = context.request().getParam(name);
        try {
            return value == null || value.isBlank() ? otherwise : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField(name, Text.of("πρέπει να είναι ημερομηνία και ώρα με απόκλιση ώρας, π.χ. 2026-12-01T00:00:00+02:00",
                    "must be a date-time with offset, e.g. 2026-12-01T00:00:00+02:00"));
        }
    }

    private static int limit(RoutingContext context) {
        String value = context.request().getParam("limit");
        try {
            int limit = value == null ? 100 : Integer.parseInt(value);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidField("limit", Text.of("πρέπει να είναι ακέραιος από 1 έως 1000", "must be a whole number from 1 to 1000"));
    }

    private static final class InvalidField extends RuntimeException {
        final String field;
        final Text expected;

        InvalidField(String field, Text expected) {
            super(expected.en(), null, false, false);
            this.field = field;
            this.expected = expected;
        }
    }
}
