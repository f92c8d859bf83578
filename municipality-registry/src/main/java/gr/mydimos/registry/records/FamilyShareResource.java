package gr.mydimos.registry.records;

import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import gr.mydimos.registry.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Municipal-registry family records (οικογενειακές μερίδες): clerks with the municipal-registry duty register the
 * households of their municipality, find records of any municipality, and correct their own municipality's records
 * by marginal notes. Every record shown is logged as read.
 */
@Path("/api/registry/family-shares")
@RolesAllowed("municipal-registry")
public class FamilyShareResource {

    private static final Text FAMILY_RECORD = Text.of("μερίδα δημοτολογίου", "family record");

    public record ShareForm(@Positive int shareNumber,
                            @NotNull @NotEmpty @Size(max = 30) List<@Valid @NotNull Person> members) {}

    public record ShareView(UUID id, String municipality, int shareNumber, List<Person> members, int version,
                            List<Records.NoteView> notes) {
        static ShareView of(FamilyShare s, List<Records.NoteView> notes) {
            return new ShareView(s.id, s.municipalityCode, s.shareNumber, s.persons(), s.version, notes);
        }
    }

    @Inject
    Records records;

    /** Registers a household in the caller's own municipality. */
    @POST
    @WithTransaction
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareView.class)))
    @Operation(summary = "Register a family record (household)")
    @APIResponse(responseCode = "409", description = "`already-exists`: the record is already registered.")
    public Uni<RestResponse<ShareView>> register(@Valid @NotNull ShareForm form) {
        checkMembers(form.members());
        String municipality = records.callerMunicipality();
        return FamilyShare.count("municipalityCode = ?1 and shareNumber = ?2", municipality, form.shareNumber())
                .flatMap(existing -> {
                    if (existing > 0) {
                        throw Problems.conflict(ProblemType.ALREADY_EXISTS, "Η μερίδα " + form.shareNumber() + " του δήμου "
                                + municipality + " είναι ήδη καταχωρισμένη.", "Family record " + form.shareNumber() + " of "
                                + municipality + " is already registered.");
                    }
                    FamilyShare share = new FamilyShare();
                    records.recorded(share);
                    share.municipalityCode = municipality;
                    share.shareNumber = form.shareNumber();
                    share.setPersons(form.members());
                    return share.<FamilyShare>persist();
                })
                .map(share -> RestResponse.ResponseBuilder.<ShareView>created(
                        URI.create("/api/registry/family-shares/" + share.id)).entity(ShareView.of(share, List.of())).build());
    }

    /** By a member's tax number, or by municipality and share number. */
    @GET
    @WithTransaction
    @Operation(summary = "Find family records by tax number or by share number")
    public Uni<List<ShareView>> find(@QueryParam("taxId") String taxId, @QueryParam("municipality") String municipality,
                                     @QueryParam("shareNumber") Integer shareNumber) {
        String requestId = Records.requestId();
        Uni<List<FamilyShare>> found;
        if (taxId != null) {
            if (!TaxNumber.isValid(taxId)) {
                throw Problems.invalidTaxNumber("taxId");
            }
            found = FamilyShare.list("array_contains(taxIds, ?1) order by municipalityCode, shareNumber", taxId);
        } else if (municipality != null && shareNumber != null) {
            found = FamilyShare.list("municipalityCode = ?1 and shareNumber = ?2", municipality, shareNumber);
        } else {
            throw Problem.invalidField("taxId", "δώστε ΑΦΜ ή δήμο και αριθμό μερίδας",
                    "give a tax number, or a municipality and a share number");
        }
        return found.map(shares -> shares.stream().limit(50).toList())
                .flatMap(shares -> records.disclose(shares, requestId))
                .map(shares -> shares.stream().map(s -> ShareView.of(s, null)).toList());
    }

    @GET
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "One family record with its marginal notes")
    public Uni<ShareView> read(@PathParam("id") UUID id) {
        return records.show(FamilyShare.<FamilyShare>findById(id), FAMILY_RECORD, ShareView::of);
    }

    /** A correction of a member of the caller's own municipality's record: a marginal note. */
    @POST
    @Path("{id}/corrections")
    @WithTransaction
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Records.NoteView.class)))
    @Operation(summary = "Correct a member of a family record (a marginal note)")
    public Uni<RestResponse<Records.NoteView>> correct(@PathParam("id") UUID id,
                                                       @Valid @NotNull Records.Correction correction) {
        // the record is locked until the correction commits: concurrent corrections are applied one after the other
        return FamilyShare.<FamilyShare>findById(id, LockModeType.PESSIMISTIC_WRITE).map(s -> Records.found(s, FAMILY_RECORD))
                .flatMap(share -> records.correct(share, correction, (field, value) -> {
                    throw Problem.invalidField("person", "ορίστε το μέλος του οποίου διορθώνεται το " + field,
                            "name the member whose " + field + " is corrected");
                }))
                .map(note -> RestResponse.ResponseBuilder.<Records.NoteView>created(
                        URI.create("/api/registry/family-shares/" + id)).entity(Records.NoteView.of(note)).build());
    }

    private static void checkMembers(List<Person> members) {
        for (int i = 0; i < members.size(); i++) {
            Person m = members.get(i);
            if (!FamilyShare.RELATIONS.contains(m.role())) {
                throw Problem.invalidField("members[" + i + "].role", "ένα από " + FamilyShare.RELATIONS,
                        "one of " + FamilyShare.RELATIONS);
            }
            if (m.taxId() != null && !TaxNumber.isValid(m.taxId())) {
                throw Problems.invalidTaxNumber("members[" + i + "].taxId");
            }
        }
        if (members.stream().filter(m -> m.role().equals("HEAD")).count() != 1) {
            throw Problem.invalidField("members", "μια μερίδα έχει έναν αρχηγό (HEAD)", "a family record has one HEAD");
        }
    }
}
