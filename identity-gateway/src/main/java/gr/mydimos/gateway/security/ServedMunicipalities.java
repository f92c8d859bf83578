package gr.mydimos.gateway.security;

import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The municipalities an employee serves (the token's {@code municipality} claim: one value, or an array for an employee
 * of several) and the one a request acts for ({@code Mydimos-Municipality}). The services decide and refuse; the
 * gateway only reports the list to the back office and names the municipality in the audit trail.
 */
public final class ServedMunicipalities {

    public static final String HEADER = "Mydimos-Municipality";

    private ServedMunicipalities() {
    }

    public static List<String> of(JsonWebToken token) {
        Object claim = token.getClaim("municipality");
        List<String> codes = new ArrayList<>();
        if (claim instanceof Iterable<?> values) {
            values.forEach(value -> codes.add(value instanceof JsonString json ? json.getString() : String.valueOf(value)));
        } else if (claim != null) {
            codes.add(claim instanceof JsonString json ? json.getString() : claim.toString());
        }
        return codes;
    }

    /** The one asked for if served, the only one served, or none. */
    public static String actingFor(JsonWebToken token, String asked) {
        List<String> served = of(token);
        if (asked != null && served.contains(asked.strip())) {
            return asked.strip();
        }
        return served.size() == 1 ? served.get(0) : null;
    }
}
