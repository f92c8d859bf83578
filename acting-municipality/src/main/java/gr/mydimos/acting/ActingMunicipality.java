package gr.mydimos.acting;

import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The municipality a signed-in employee acts for in this request. The token's {@code municipality} claim lists the
 * municipalities the employee serves (one value, or an array when they serve several — seed 004 Art.4§3); an employee
 * of several chooses one after signing in, and every request then names it in the {@value #HEADER} header. A choice
 * the token does not list is refused: the header only picks among what the identity provider granted.
 */
@RequestScoped
public class ActingMunicipality {

    public static final String HEADER = "Mydimos-Municipality";
    static final String CLAIM = "municipality";

    @Inject
    SecurityIdentity identity;
    @Inject
    HttpServerRequest request;

    private String chosen;
    private boolean resolved;

    /** The municipality acted for; null for a caller who serves none (a central admin, a citizen, a service). */
    public String code() {
        if (!resolved) {
            Object claim = identity.getPrincipal() instanceof JsonWebToken token ? TokenClaims.claim(token, CLAIM) : null;
            chosen = choose(served(claim), request.getHeader(HEADER));
            resolved = true;
        }
        return chosen;
    }

    /** As {@link #code()}, but a caller who serves no municipality is refused. */
    public String required() {
        String code = code();
        if (code == null) {
            throw Problem.of(ProblemType.FORBIDDEN).detail("Η σύνδεση δεν αναφέρει δήμο.", "The sign-in names no municipality.")
                    .with("field", CLAIM).build();
        }
        return code;
    }

    /** Every municipality the claim lists, whatever its JSON shape. */
    public static List<String> served(Object claim) {
        List<String> codes = new ArrayList<>();
        if (claim instanceof Iterable<?> values) {
            values.forEach(value -> codes.add(text(value)));
        } else if (claim != null) {
            codes.add(text(claim));
        }
        codes.removeIf(code -> code == null || code.isBlank());
        return codes;
    }

    /** The one served, or the one asked for among those served; no municipality for one who serves none. */
    static String choose(List<String> served, String asked) {
        if (asked != null && !asked.isBlank()) {
            if (!served.contains(asked.strip())) {
                throw Problem.of(ProblemType.FORBIDDEN).detail(
                                "Ο λογαριασμός σας δεν εξυπηρετεί τον δήμο «" + asked.strip() + "».",
                                "Your account does not serve the municipality '" + asked.strip() + "'.")
                        .with("field", HEADER).build();
            }
            return asked.strip();
        }
        if (served.size() > 1) {
            throw Problem.invalidField(HEADER, "εξυπηρετείτε περισσότερους δήμους· επιλέξτε για ποιον ενεργείτε (" + String.join(", ", served) + ")",
                    "you serve several municipalities; choose the one you act for (" + String.join(", ", served) + ")");
        }
        return served.isEmpty() ? null : served.get(0);
    }

    /** A JSON string's text; nothing for JSON null or a value that is no string. */
    private static String text(Object value) {
        return value instanceof JsonString json ? json.getString() : value instanceof String string ? string : null;
    }
}
