package gr.mydimos.booking.booking;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.acting.TokenClaims;
import gr.mydimos.problems.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read once from the validated token: subject, realm, roles, tax number, municipality, and for a
 * business's representative the business's tax number; the e-mail address of the sign-in.
 */
public record Caller(String subject, String realm, Set<String> roles, String taxId, String municipality,
                     String businessTaxId, String email, Set<String> employeeRecords) {

    public static final String CITIZENS = "citizens";
    public static final String EMPLOYEES = "employees";

    /** municipality: the one an employee acts for in this request (an employee may serve several). */
    public static Caller of(SecurityIdentity identity, ActingMunicipality municipality) {
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        String issuer = jwt.getIssuer();
        String realm = issuer.substring(issuer.lastIndexOf('/') + 1);
        return new Caller(jwt.getSubject(), realm, identity.getRoles(), TokenClaims.claim(jwt, "afm"), municipality.code(),
                TokenClaims.claim(jwt, "business_afm"), jwt.getClaim("email"), strings(TokenClaims.claim(jwt, "employee")));
    }

    /** An employee's staff records, one per municipality served (claim {@code employee}, kept by the registry). */
    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> v instanceof JsonString s ? s.getString() : String.valueOf(v)).collect(Collectors.toSet());
        }
        return claim instanceof JsonString s ? Set.of(s.getString()) : claim instanceof String s ? Set.of(s) : Set.of();
    }

    /** Who takes the booking's video call: the employee it is assigned to, or the colleague the admin named. */
    public boolean takesCallOf(Booking b) {
        return takesCallOf(b.employeeId, b.callStandIn);
    }

    /** employee: the one the booking is assigned to; standIn: the colleague named in their place, or null. */
    public boolean takesCallOf(String employee, String standIn) {
        return EMPLOYEES.equals(realm) && (employee != null && employeeRecords.contains(employee)
                || standIn != null && employeeRecords.contains(standIn));
    }

    public boolean isCitizen() {
        return CITIZENS.equals(realm);
    }

    public boolean isBusinessRepresentative() {
        return CITIZENS.equals(realm) && roles.contains("business-rep");
    }

    public boolean isClerk() {
        return EMPLOYEES.equals(realm) && roles.contains("clerk");
    }

    /**
     * How a change this caller makes reaches the platform: the person's own is ONLINE; staff acting for a caller say
     * how the caller asked (on the phone or at the counter), which is required of them.
     */
    public Booking.Channel via(Booking.Channel stated) {
        if (isCitizen()) {
            return Booking.Channel.ONLINE;
        }
        if (stated == null || stated == Booking.Channel.ONLINE) {
            throw Problem.invalidField("channel",
                    "πώς ζήτησε ο πολίτης την αλλαγή: PHONE (τηλεφωνικά) ή COUNTER (στο γκισέ)",
                    "how the person asked for the change: PHONE or COUNTER");
        }
        return stated;
    }

    public boolean isMunicipalAdmin() {
        return EMPLOYEES.equals(realm) && roles.contains("municipal-admin");
    }

    /** The municipality's admins (and central admins) name an employee whatever its policy on a person's choice. */
    public boolean assignsEmployeesOf(String municipalityCode) {
        return isCentralAdmin() || isMunicipalAdmin() && municipalityCode.equals(municipality);
    }

    public boolean isCentralAdmin() {
        return EMPLOYEES.equals(realm) && roles.contains("central-admin");
    }
}
