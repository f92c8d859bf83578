package gr.mydimos.calls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks call tickets with HMAC-SHA256 under a secret the two services share. A ticket reads
 * {@code room.role.participant.closesAt.usableUntil.signature} (times in epoch seconds, signature base64url): short,
 * safe in a WebSocket message, and checked without a database, so any replica of the signalling server can check it.
 */
public final class CallTickets {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;

    /** secret: at least 32 characters. */
    public CallTickets(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the call ticket secret must be at least 32 characters long");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(CallTicket ticket) {
        String body = String.join(".", ticket.room(), ticket.role().name(), ticket.participant(),
                Long.toString(ticket.closesAt().getEpochSecond()), Long.toString(ticket.usableUntil().getEpochSecond()));
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /** The ticket, if it was signed with this secret, is well formed and may still be used at {@code now}. */
    public Optional<CallTicket> check(String signed, Instant now) {
        if (signed == null || signed.length() > 512) {
            return Optional.empty();
        }
        int last = signed.lastIndexOf('.');
        if (last < 0) {
            return Optional.empty();
        }
        String body = signed.substring(0, last);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(signed.substring(last + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, mac(body))) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.", -1);
        try {
            CallTicket ticket = new CallTicket(parts[0], CallTicket.Role.valueOf(parts[1]), parts[2],
                    Instant.ofEpochSecond(Long.parseLong(parts[3])), Instant.ofEpochSecond(Long.parseLong(parts[4])));
            return parts.length == 5 && !now.isAfter(ticket.usableUntil()) && now.isBefore(ticket.closesAt())
                    ? Optional.of(ticket) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
