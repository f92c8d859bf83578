package gr.mydimos.registry.municipality;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.registry.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A municipality keeps its own details current after joining (issue 21, REG-1): how to reach it and each unit, and a
 * unit's opening hours in words, as the portal shows them. Its municipal admin (or a central admin) changes them;
 * nothing else reads them from an event, so the change shows at once.
 */
@Path("/api/registry/municipalities/{code}")
@RolesAllowed({"municipal-admin", "central-admin"})
public class MunicipalityDetailsResource {

    public record Contact(@Size(max = 200) String address,
                          @NotNull @Size(max = 5) List<@Pattern(regexp = "\\+?[0-9 ]{5,20}", message = "{mydimos.phone}") String> phones,
                          @Email @Size(max = 254) String email) {}

    public record UnitDetails(@Size(max = 200) String address,
                              @NotNull @Size(max = 5) List<@Pattern(regexp = "\\+?[0-9 ]{5,20}", message = "{mydimos.phone}") String> phones,
                              @Email @Size(max = 254) String email,
                              @Size(max = 500) String hoursEl, @Size(max = 500) String hoursEn) {}

    @Inject
    SecurityIdentity identity;
    @Inject
    ActingMunicipality acting;

    @PUT
    @Path("contact")
    @WithTransaction
    @Operation(summary = "Change how to reach a municipality")
    @APIResponse(responseCode = "204", description = "Changed")
    public Uni<Void> contact(@PathParam("code") String code, @Valid @NotNull Contact contact) {
        ownMunicipality(code);
        return Municipality.<Municipality>findById(code).map(m -> {
            if (m == null) {
                throw Problems.notFound("Δεν υπάρχει δήμος «" + code + "».", "No municipality '" + code + "'.");
            }
            m.address = blankToNull(contact.address());
            m.phones = phones(contact.phones());
            m.email = blankToNull(contact.email());
            return null;
        });
    }

    @PUT
    @Path("units/{unit}")
    @WithTransaction
    @Operation(summary = "Change a unit's contact details and opening hours in words")
    @APIResponse(responseCode = "204", description = "Changed")
    public Uni<Void> unit(@PathParam("code") String code, @PathParam("unit") String unitId, @Valid @NotNull UnitDetails details) {
        ownMunicipality(code);
        return Unit.<Unit>findById(unitId).map(u -> {
            if (u == null || !u.municipalityCode.equals(code)) {
                throw Problems.notFound("Ο δήμος «" + code + "» δεν έχει τμήμα «" + unitId + "».",
                        "Municipality '" + code + "' has no unit '" + unitId + "'.");
            }
            u.address = blankToNull(details.address());
            u.phones = phones(details.phones());
            u.email = blankToNull(details.email());
            u.hoursEl = blankToNull(details.hoursEl());
            u.hoursEn = blankToNull(details.hoursEn());
            return null;
        });
    }

    private void ownMunicipality(String code) {
        if (!identity.hasRole("central-admin") && !code.equals(acting.code())) {
            throw Problems.forbidden("code", "Ο διαχειριστής δήμου αλλάζει μόνο τα στοιχεία του δικού του δήμου.",
                    "A municipal admin changes only their own municipality's details.");
        }
    }

    private static String[] phones(List<String> phones) {
        return phones.stream().map(String::strip).toArray(String[]::new);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
