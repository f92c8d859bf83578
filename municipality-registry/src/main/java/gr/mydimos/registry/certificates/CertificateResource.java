package gr.mydimos.registry.certificates;

import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.types.Text;
import gr.mydimos.registry.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Certificates for signed-in citizens (issue 10): requested and downloaded without a visit, for themselves or for a
 * minor child. A citizen (a business representative too, as a person) sees only the certificates they requested.
 */
@Path("/api/registry/certificates")
@RolesAllowed({"citizen", "business-rep"})
public class CertificateResource {

    public record CertificateForm(@NotNull Certificate.Type type,
                                  @Pattern(regexp = "el|en", message = "{mydimos.language}") String language,
                                  @Pattern(regexp = "[0-9]{9}", message = "{mydimos.nine-digits}") String subjectTaxId,
                                  UUID actId, Boolean showHolderName) {}

    public record CertificateView(String code, Certificate.Type type, String language, String subjectTaxId,
                                  Instant issuedAt, String download) {
        static CertificateView of(Certificate c) {
            return of(c, "/api/registry/certificates/");
        }

        static CertificateView of(Certificate c, String downloadPath) {
            return new CertificateView(CertificatePdf.formatted(c.code), c.type, c.language, c.subjectTaxId, c.issuedAt,
                    downloadPath + c.code);
        }
    }

    @Inject
    Certificates certificates;
    @Inject
    JsonWebToken token;

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateView.class)))
    @Operation(summary = "Issue a Citizen Registry certificate")
    @APIResponse(responseCode = "404", description = "`no-registry-record`: the registry holds no such record for the person.")
    public Uni<RestResponse<CertificateView>> request(@Valid @NotNull CertificateForm form) {
        if (form.subjectTaxId() != null && !TaxNumber.isValid(form.subjectTaxId())) {
            throw Problems.invalidTaxNumber("subjectTaxId");
        }
        return certificates.issue(citizen(), new Certificates.Request(form.type(),
                        form.language() == null ? "el" : form.language(), form.subjectTaxId(), form.actId(),
                        Boolean.TRUE.equals(form.showHolderName())))
                .map(c -> RestResponse.ResponseBuilder.<CertificateView>created(
                        URI.create("/api/registry/certificates/" + c.code)).entity(CertificateView.of(c)).build());
    }

    @GET
    @WithSession
    @Operation(summary = "The signed-in person's certificates")
    public Uni<List<CertificateView>> mine() {
        return Certificate.<Certificate>list("requestedBy = ?1 order by issuedAt desc", citizen())
                .map(all -> all.stream().map(CertificateView::of).toList());
    }

    /** The PDF as issued; 404 for a code the caller did not request, as for one that does not exist. */
    @GET
    @Path("{code}")
    @Produces("application/pdf")
    @WithSession
    @Operation(summary = "A certificate as issued (PDF)")
    public Uni<RestResponse<byte[]>> download(@Parameter(description = "The certificate's verification code, e.g. `K7QX-M4PA-2B9C`.")
                                              @PathParam("code") String code) {
        String normalised = VerificationResource.normalised(code);
        return Certificate.<Certificate>findById(normalised).map(c -> {
            if (c == null || !c.requestedBy.equals(citizen())) {
                throw Problems.notFound(Text.of("πιστοποιητικό", "certificate"));
            }
            return RestResponse.ResponseBuilder.ok(c.pdf, "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"certificate-" + c.code + ".pdf\"").build();
        });
    }

    private String citizen() {
        String taxId = token.getClaim("afm");
        if (!TaxNumber.isValid(taxId)) {
            throw Problems.forbidden("afm", "Η σύνδεση δεν φέρει έγκυρο ΑΦΜ.", "The sign-in carries no valid tax number.");
        }
        return taxId;
    }
}
