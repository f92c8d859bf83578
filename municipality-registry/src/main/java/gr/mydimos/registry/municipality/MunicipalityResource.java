package gr.mydimos.registry.municipality;

import gr.mydimos.problems.Problem;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.identifiers.GreekPostalCode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Public, unauthenticated read API of onboarded municipalities (REG-8). */
@Path("/api/registry/municipalities")
@PermitAll
public class MunicipalityResource {

    @Schema(description = "An active municipality, by its code and its name in Greek and English.",
            requiredProperties = {"code", "nameEl", "nameEn"})
    public record MunicipalitySummary(String code, String nameEl, String nameEn) {}

    @Schema(description = "A unit (department) of a municipality and its opening hours in words.",
            requiredProperties = {"id", "nameEl", "nameEn"})
    public record UnitView(String id, String nameEl, String nameEn, String address, String[] phones, String email,
                           String hoursEl, String hoursEn) {}

    @Schema(description = "An active municipality: how to reach it, the ways it serves people, its units (departments)"
            + " with their opening hours.", requiredProperties = {"code", "nameEl", "nameEn", "modes", "units"})
    public record MunicipalityView(String code, String nameEl, String nameEn, String address, String[] phones,
                                   String email, String[] modes, boolean thirdPartyVideoAllowed, List<UnitView> units) {}

    /**
     * Active municipalities, optionally only those whose name or code contains {@code q} (ignoring case and Greek
     * accents) and those competent for a postal code.
     */
    @GET
    @WithSession
    @Operation(summary = "Active municipalities, by name or postal code")
    public Uni<List<MunicipalitySummary>> list(@QueryParam("q") String q, @QueryParam("postalCode") String postalCode) {
        // what the person typed is matched as text: '%' and '_' in it are no wildcards
        String pattern = "%" + (q == null ? "" : SearchText.of(q).replace("!", "!!").replace("%", "!%").replace("_", "!_")) + "%";
        Uni<List<Municipality>> found;
        if (postalCode == null || postalCode.isBlank()) {
            found = Municipality.find("status = ?1 and searchText like ?2 escape '!' order by nameEl",
                    Municipality.Status.ACTIVE, pattern).list();
        } else {
            String code = postalCode.replace(" ", "");
            if (!GreekPostalCode.isValid(code)) {
                throw Problem.invalidField("postalCode", "ο ταχυδρομικός κώδικας έχει πέντε ψηφία, π.χ. 546 40",
                        "a Greek postal code has five digits, e.g. 546 40");
            }
            found = Municipality.find("status = ?1 and searchText like ?2 escape '!'"
                            + " and code in (select p.municipalityCode from PostalArea p where p.postalCode = ?3) order by nameEl",
                    Municipality.Status.ACTIVE, pattern, code).list();
        }
        return found.map(all -> all.stream().map(m -> new MunicipalitySummary(m.code, m.nameEl, m.nameEn)).toList());
    }

    @GET
    @Path("{code}")
    @WithSession
    @Operation(summary = "One active municipality: contacts, units, opening hours, modes")
    public Uni<MunicipalityView> get(@PathParam("code") String code) {
        return activeMunicipality(code).flatMap(m -> Unit.<Unit>find("municipalityCode = ?1 order by id", m.code).list()
                .map(units -> new MunicipalityView(m.code, m.nameEl, m.nameEn, m.address, m.phones, m.email, m.modes,
                        m.thirdPartyVideoAllowed, units.stream()
                        .map(u -> new UnitView(u.id, u.nameEl, u.nameEn, u.address, u.phones, u.email, u.hoursEl, u.hoursEn))
                        .toList())));
    }

    /** The municipality when it exists and is ACTIVE; otherwise a 404 problem. */
    public static Uni<Municipality> activeMunicipality(String code) {
        return Municipality.<Municipality>findById(code)
                .map(m -> {
                    if (m == null || m.status != Municipality.Status.ACTIVE) {
                        throw Problems.notFound("Κανένας ενεργός δήμος δεν έχει τον κωδικό «" + code + "».",
                                "No active municipality has the code '" + code + "'.");
                    }
                    return m;
                });
    }
}
