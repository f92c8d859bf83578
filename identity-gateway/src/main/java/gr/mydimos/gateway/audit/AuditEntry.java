package gr.mydimos.gateway.audit;

import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One line of the audit trail, before it has its place in the chain. */
public record AuditEntry(Instant at, String actor, String actorName, String municipality, String address,
                         String action, String record, int outcome, String requestId) {

    /**
     * The entry's hash in the chain: SHA-256 over the previous entry's hash and a canonical JSON array of every
     * field, so changing any field, or the order of entries, changes every hash after it.
     */
    public String hash(long seq, String previousHash) {
        String canonical = new JsonArray().add(seq).add(at.toString()).add(actor).add(actorName).add(municipality)
                .add(address).add(action).add(record).add(outcome).add(requestId).encode();
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
