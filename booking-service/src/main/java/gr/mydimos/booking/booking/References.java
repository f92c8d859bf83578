package gr.mydimos.booking.booking;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;

/** Random, unguessable identifiers a person reads out or clicks (BK-4, BK-5). */
@ApplicationScoped
public class References {

    /** No 0/O, 1/I/L or U/V look-alikes, so a reference survives being read over the phone. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    /** e.g. K7QX-M4PA: 29^8 ≈ 5·10^11 values, drawn at random, so neither sequential nor guessable. */
    public String bookingReference() {
        StringBuilder reference = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }

    /** 256 random bits, URL-safe. */
    public String videoToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
