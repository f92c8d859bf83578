package gr.mydimos.gateway.audit;

import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One line of the audit trail, before it has its place in the chain. The request id is the platform's own; the id a
 * caller sent, if any, is kept beside it and never trusted to be unique.
 */
public record AuditEntry(Instant at, String actor, String actorName, String municipality, String address,
                         String action, String record, int outcome, String requestId, String clientRequestId) {

    /**
     * The entry's hash in the chain: SHA-256 over the previous entry's hash and a canonical JSON array of every
     * field, so changing any field, or the order of entries, changes every hash after it. The caller's request id
     * joins the array only when there is one, so that entries written before it was kept still verify.
     */
    public String hash(long seq, String previousHash) {
        JsonArray fields = new JsonArray().add(seq).add(at.toString()).add(actor).add(actorName).add(municipality)
                .add(address).add(action).add(record).add(outcome).add(requestId);
        if (clientRequestId != null) {
            fields.add(clientRequestId);
        }
        String canonical = fields.encode();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);
}
