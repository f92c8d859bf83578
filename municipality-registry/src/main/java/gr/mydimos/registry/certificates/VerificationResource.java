package gr.mydimos.registry.certificates;

import gr.mydimos.problems.Problem;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.records.CivilAct;
import gr.mydimos.registry.records.FamilyShare;
import gr.mydimos.registry.records.KeptRecord;
import gr.mydimos.registry.records.MarginalNote;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Public verification of a certificate by its code (what the QR code points at): valid, or superseded by a later
 * correction of its record; its type, language and issue date — and the holder's name only if they chose to show it.
 */
@Path("/api/registry/certificate-verifications")
@PermitAll
public class VerificationResource {

    public enum Status { VALID, SUPERSEDED }

    public record Verification(String code, Status status, Certificate.Type type, String language, Instant issuedAt,
                               String holderName) {}

    @GET
    @Path("{code}")
    @WithSession
    @Operation(summary = "Verify a certificate by its code (anyone)")
    public Uni<Verification> verify(@Parameter(description = "The certificate's verification code, e.g. `K7QX-M4PA-2B9C`.")
                                    @PathParam("code") String code) {
        return Certificate.<Certificate>findById(normalised(code)).flatMap(c -> {
            if (c == null) {
                throw Problems.notFound("Δεν υπάρχει πιστοποιητικό με αυτόν τον κωδικό.", "No certificate has this code.");
            }
            Uni<? extends KeptRecord> record = c.recordKind == MarginalNote.RecordKind.CIVIL_ACT
                    ? CivilAct.<CivilAct>findById(c.recordId) : FamilyShare.<FamilyShare>findById(c.recordId);
            return record.map(r -> new Verification(CertificatePdf.formatted(c.code),
                    r != null && r.version == c.recordVersion ? Status.VALID : Status.SUPERSEDED,
                    c.type, c.language, c.issuedAt, c.holderNameShown));
        });
    }

    /** Codes are read aloud and typed: dashes, spaces and case do not matter, nor I, L and O for 1, 1 and 0. */
    static String normalised(String code) {
        String c = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('I', '1').replace('L', '1')
                .replace('O', '0');
        if (!c.matches("[0-9A-HJKMNP-TV-Z]{12}")) {
            throw Problem.invalidField("code", "δώδεκα γράμματα και ψηφία, ως XXXX-XXXX-XXXX",
                    "twelve letters and digits, as XXXX-XXXX-XXXX");
        }
        return c;
    }
}
