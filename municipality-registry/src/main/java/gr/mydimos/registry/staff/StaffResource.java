package gr.mydimos.registry.staff;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.identifiers.ValidTaxNumber;
import gr.mydimos.problems.Problem;
import gr.mydimos.registry.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A municipality's staff (REG-5): its municipal admin (or a central admin) adds, changes and removes employees;
 * its clerks may read the list. Another municipality's admin gets 403.
 */
@Path("/api/registry/municipalities/{code}/employees")
public class StaffResource {

    /**
     * taxId, email, roles: their sign-in account, linked when they are added (the account with this tax number, or a
     * new one mailed to email) and kept as it is by a change.
     */
    public record EmployeeRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{2,80}", message = "{mydimos.code}") String id,
            @NotBlank String unitId,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull @NotEmpty(message = "{mydimos.at-least-one-service}") List<@NotBlank String> serviceIds,
            @Size(max = 50) String desk,
            @ValidTaxNumber String taxId,
            @Email @Size(max = 200) String email,
            @Size(max = 4) List<@NotNull @Pattern(regexp = "clerk|civil-registry|municipal-registry|municipal-admin",
                    message = "{mydimos.employee-role}") String> roles) {}

    /** taxId, email and roles: the employee's sign-in (hasAccount: linked to an account in the employees' realm). */
    public record EmployeeView(String id, String unitId, String displayName, List<String> serviceIds, String desk,
                               String taxId, String email, List<String> roles, boolean hasAccount) {
        static EmployeeView of(Employee e) {
            return new EmployeeView(e.id, e.unitId, e.displayName, Arrays.asList(e.serviceIds), e.desk, e.taxId, e.email,
                    Arrays.asList(e.roles), e.accountId != null);
        }
    }

    @Inject
    Staff staff;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    ActingMunicipality acting;

    @GET
    @RolesAllowed({"clerk", "municipal-admin", "central-admin"})
    @Operation(summary = "A municipality's employees")
    public Uni<List<EmployeeView>> list(@PathParam("code") String code) {
        ownMunicipality(code);
        boolean admin = identity.hasRole("municipal-admin") || identity.hasRole("central-admin");
        // a colleague's tax number and e-mail are for those who manage the staff
        return staff.of(code).map(all -> all.stream().map(EmployeeView::of)
                .map(view -> admin ? view : new EmployeeView(view.id(), view.unitId(), view.displayName(), view.serviceIds(),
                        view.desk(), null, null, view.roles(), view.hasAccount()))
                .toList());
    }

    @POST
    @RolesAllowed({"municipal-admin", "central-admin"})
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmployeeView.class)))
    @Operation(summary = "Add an employee")
    @APIResponse(responseCode = "409", description = "`already-exists`: an employee has this id.")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`.")
    public Uni<RestResponse<EmployeeView>> add(@PathParam("code") String code, @Valid @NotNull EmployeeRequest request) {
        adminOf(code);
        return staff.add(code, request).map(e -> RestResponse.ResponseBuilder
                .<EmployeeView>created(URI.create("/api/registry/municipalities/" + code + "/employees/" + e.id))
                .entity(EmployeeView.of(e)).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({"municipal-admin", "central-admin"})
    @Operation(summary = "Change an employee: unit, services, desk, e-mail and roles (their account follows)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "409", description = "`employee-has-appointments`: the change would strand booked appointments (listed in `appointments`).")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`: availability did not answer.")
    public Uni<EmployeeView> change(@PathParam("code") String code, @PathParam("id") String id,
                                    @Valid @NotNull EmployeeRequest request) {
        adminOf(code);
        if (!id.equals(request.id())) {
            throw Problem.invalidField("id", "πρέπει να είναι ίδιο με το αναγνωριστικό της διεύθυνσης", "must be the id in the path");
        }
        return staff.change(code, id, request).map(EmployeeView::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({"municipal-admin", "central-admin"})
    @Operation(summary = "Remove an employee")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "409", description = "`employee-has-appointments`: they have booked appointments ahead (listed in `appointments`).")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`: availability did not answer.")
    public Uni<Void> remove(@PathParam("code") String code, @PathParam("id") String id) {
        adminOf(code);
        return staff.remove(code, id);
    }

    private void adminOf(String code) {
        if (!identity.hasRole("central-admin") && !identity.hasRole("municipal-admin")) {
            throw Problems.forbidden("code", "Μόνο οι διαχειριστές μπορούν να μεταβάλουν τα στοιχεία του προσωπικού.", "Only administrators change staff.");
        }
        ownMunicipality(code);
    }

    private void ownMunicipality(String code) {
        if (!identity.hasRole("central-admin") && !code.equals(acting.code())) {
            throw Problems.forbidden("code", "Οι υπάλληλοι βλέπουν και διαχειρίζονται μόνο τον δικό τους δήμο.",
                    "Employees see and manage only their own municipality.");
        }
    }
}
