package gr.mydimos.registry.certificates;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.types.Text;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.records.Records;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Certificates issued at a registry counter (seed 002): a clerk with the duty issues one for the person in front of
 * them, whose identity they have checked — for themselves or, as online, a minor child of theirs. Civil-act
 * certificates need the civil-registry duty, family-record ones the municipal-registry duty. The certificate is the
 * person's as if they had asked online (it appears among theirs); the clerk and municipality are kept beside it, and
 * the clerks of that municipality may print it again.
 */
@Path("/api/registry/counter-certificates")
@RolesAllowed({"civil-registry", "municipal-registry"})
public class CounterCertificateResource {

    private static final String DOWNLOAD = "/api/registry/counter-certificates/";

    public record CounterForm(@NotNull Certificate.Type type,
                              @Pattern(regexp = "el|en", message = "{mydimos.language}") String language,
                              @NotNull @Pattern(regexp = "[0-9]{9}", message = "{mydimos.nine-digits}") String applicantTaxId,
                              @Pattern(regexp = "[0-9]{9}", message = "{mydimos.nine-digits}") String subjectTaxId,
                              UUID actId, Boolean showHolderName) {}

    @Inject
    Certificates certificates;
    @Inject
    Records records;
    @Inject
    ActingMunicipality acting;
    @Inject
    SecurityIdentity identity;

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CertificateResource.CertificateView.class)))
    @Operation(summary = "Issue a Citizen Registry certificate at the counter")
    @APIResponse(responseCode = "404", description = "`no-registry-record`: the registry holds no such record for the person.")
    public Uni<RestResponse<CertificateResource.CertificateView>> issue(@Valid @NotNull CounterForm form) {
        if (!TaxNumber.isValid(form.applicantTaxId())) {
            throw Problems.invalidTaxNumber("applicantTaxId");
        }
        if (form.subjectTaxId() != null && !TaxNumber.isValid(form.subjectTaxId())) {
            throw Problems.invalidTaxNumber("subjectTaxId");
        }
        requireDutyFor(form.type());
        String municipality = acting.required();
        String clerk = records.caller();
        return certificates.issue(form.applicantTaxId(), new Certificates.Request(form.type(),
                        form.language() == null ? "el" : form.language(), form.subjectTaxId(), form.actId(),
                        Boolean.TRUE.equals(form.showHolderName())), new Certificates.Counter(clerk, municipality))
                .map(c -> RestResponse.ResponseBuilder.<CertificateResource.CertificateView>created(URI.create(DOWNLOAD + c.code))
                        .entity(CertificateResource.CertificateView.of(c, DOWNLOAD)).build());
    }

    /** The PDF to print again; only for a certificate issued at a counter of the municipality the clerk acts for. */
    @GET
    @Path("{code}")
    @Produces("application/pdf")
    @WithSession
    @Operation(summary = "A certificate issued at the counter (PDF)")
    public Uni<RestResponse<byte[]>> download(@PathParam("code") String code) {
        String municipality = acting.required();
        return Certificate.<Certificate>findById(VerificationResource.normalised(code)).map(c -> {
            if (c == null || !municipality.equals(c.issuedAtMunicipality)) {
                throw Problems.notFound(Text.of("πιστοποιητικό", "certificate"));
            }
            requireDutyFor(c.type);
            return RestResponse.ResponseBuilder.ok(c.pdf, "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"certificate-" + c.code + ".pdf\"").build();
        });
    }

    private void requireDutyFor(Certificate.Type type) {
        boolean civil = type == Certificate.Type.BIRTH || type == Certificate.Type.CIVIL_ACT_EXTRACT;
        String duty = civil ? "civil-registry" : "municipal-registry";
        if (!identity.hasRole(duty)) {
            throw Problems.forbidden("type", civil
                            ? "Πιστοποιητικά από ληξιαρχικές πράξεις εκδίδει υπάλληλος με καθήκοντα ληξιαρχείου."
                            : "Πιστοποιητικά από το δημοτολόγιο εκδίδει υπάλληλος με καθήκοντα δημοτολογίου.",
                    civil ? "Certificates from civil acts are issued by a clerk with the civil-registry duty."
                            : "Certificates from family records are issued by a clerk with the municipal-registry duty.");
        }
    }
}
