package gr.mydimos.registry.onboarding;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.municipality.Declaration;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Onboarding (REG-2): a municipal admin submits for their own municipality; a central admin approves or rejects.
 */
@Path("/api/registry/onboarding-requests")
public class OnboardingResource {

    public record View(UUID id, String municipality, OnboardingRequest.Status status, Instant submittedAt,
                       Instant decidedAt, String decisionReason, String actNumber, LocalDate actDate,
                       Declaration declaration) {}

    public record Rejection(String reason) {}

    /** The act of the Secretary General that approves the joining (seed 004 Art.6§3): its number and date. */
    public record Approval(@NotBlank @Size(max = 100) String actNumber, @NotNull LocalDate actDate) {}

    @Inject
    Onboarding onboarding;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    ActingMunicipality acting;

    @POST
    @RolesAllowed("municipal-admin")
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @Operation(summary = "Ask for a municipality to join the platform")
    @APIResponse(responseCode = "409", description = "`municipality-status`: already active; `request-open`: a request awaits a decision.")
    public Uni<RestResponse<View>> submit(@Valid @NotNull Declaration declaration) {
        if (!declaration.code().equals(acting.code())) {
            throw Problems.forbidden("code", "Ο διαχειριστής δήμου υποβάλλει αίτημα μόνο για τον δικό του δήμο.",
                    "A municipal admin submits only for their own municipality.");
        }
        return onboarding.submit(declaration, token.getSubject())
                .map(r -> RestResponse.ResponseBuilder.<View>created(URI.create("/api/registry/onboarding-requests/" + r.id))
                        .entity(view(r)).build());
    }

    /** Central admins see every request (the open ones first); a municipal admin sees their municipality's. */
    @GET
    @RolesAllowed({"municipal-admin", "central-admin"})
    @WithSession
    @Operation(summary = "Onboarding requests")
    public Uni<List<View>> list() {
        Uni<List<OnboardingRequest>> requests = identity.hasRole("central-admin")
                ? OnboardingRequest.find("order by status desc, submittedAt").list()
                : OnboardingRequest.find("municipalityCode = ?1 order by submittedAt", municipalityClaim()).list();
        return requests.map(all -> all.stream().map(OnboardingResource::view).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"municipal-admin", "central-admin"})
    @WithSession
    @Operation(summary = "One onboarding request")
    public Uni<View> one(@PathParam("id") UUID id) {
        return OnboardingRequest.<OnboardingRequest>findById(id).map(r -> {
            if (r == null || !(identity.hasRole("central-admin") || r.municipalityCode.equals(municipalityClaim()))) {
                throw Problems.notFound("Δεν υπάρχει αίτημα ένταξης " + id + ".", "No onboarding request " + id + ".");
            }
            return view(r);
        });
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed("central-admin")
    @Operation(summary = "Approve an onboarding request by its act: the municipality becomes active")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`already-decided`.")
    public Uni<View> approve(@PathParam("id") UUID id, @Valid @NotNull Approval approval) {
        return onboarding.approve(id, token.getSubject(), new Onboarding.Act(approval.actNumber().strip(), approval.actDate()))
                .map(OnboardingResource::view);
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed("central-admin")
    @Operation(summary = "Reject an onboarding request, stating why")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`already-decided`.")
    public Uni<View> reject(@PathParam("id") UUID id, Rejection rejection) {
        return onboarding.reject(id, token.getSubject(), rejection == null ? null : rejection.reason())
                .map(OnboardingResource::view);
    }

    private String municipalityClaim() {
        String claim = acting.code();
        if (claim == null) {
            throw new ForbiddenException("No municipality in the token");
        }
        return claim;
    }

    private static View view(OnboardingRequest r) {
        return new View(r.id, r.municipalityCode, r.status, r.submittedAt, r.decidedAt, r.decisionReason, r.actNumber,
                r.actDate, r.declaration);
    }
}
