package gr.mydimos.registry.citizen;

import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.registry.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A caller's registry data for the clerk who serves them on the phone or at the counter (REG-6, seed 000): to pre-fill
 * a booking made for them. Each look-up is logged with the clerk, the municipality they act for and the reason they
 * give (ID-3); the central administration reads that log.
 */
@Path("/api/registry/people")
public class PeopleResource {

    public record PersonReadView(Instant readAt, String reader, String readerMunicipality, String reason, boolean found,
                                 String requestId) {}

    @Inject
    People people;

    @GET
    @Path("{taxId}")
    @RolesAllowed({"clerk", "municipal-admin"})
    @Operation(summary = "A caller's registry data, to serve them (the read is logged with its reason)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "`no-registry-record`: the registry holds no record for the tax number; ask the caller.")
    public Uni<MeResource.Me> person(@PathParam("taxId") String taxId,
                                     @Parameter(description = "Why the clerk reads the data, e.g. «Τηλεφωνικό ραντεβού».")
                                     @QueryParam("reason") String reason) {
        // the look-up is logged whether or not it finds a record: the 404 comes after the log has committed
        return people.lookUp(taxId, reason).map(r -> {
            if (r == null) {
                throw Problems.noRegistryRecord("Το μητρώο δεν έχει εγγραφή για αυτόν τον ΑΦΜ· ζητήστε τα στοιχεία από τον καλούντα.",
                        "The registry holds no record for this tax number; ask the caller for the details.");
            }
            return new MeResource.Me(r.taxId, r.firstName, r.lastName, r.fatherName, r.birthDate, r.municipalityCode,
                    r.address, r.postalCode, r.email, r.mobile);
        });
    }

    @GET
    @Path("{taxId}/reads")
    @RolesAllowed("central-admin")
    @WithSession
    @Operation(summary = "Who looked a person up, when and why")
    public Uni<List<PersonReadView>> reads(@PathParam("taxId") String taxId) {
        if (!TaxNumber.isValid(taxId)) {
            throw Problems.invalidTaxNumber("taxId");
        }
        return PersonRead.<PersonRead>find("subjectTaxId = ?1 order by readAt desc, id desc", taxId).page(0, 500).list()
                .map(reads -> reads.stream().map(r -> new PersonReadView(r.readAt, r.reader, r.readerMunicipality, r.reason,
                        r.found, r.requestId)).toList());
    }
}
