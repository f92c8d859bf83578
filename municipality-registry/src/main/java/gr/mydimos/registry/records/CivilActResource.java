package gr.mydimos.registry.records;

import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import gr.mydimos.registry.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Civil-registry acts (seed 002): clerks with the civil-registry duty enter the acts of their municipality's registry
 * office, find acts of any office (the Citizen Registry is one database), and correct their own office's acts by
 * marginal notes. Every act shown is logged as read.
 */
@Path("/api/registry/civil-acts")
@RolesAllowed("civil-registry")
public class CivilActResource {

    private static final Text CIVIL_ACT = Text.of("ληξιαρχική πράξη", "civil act");

    public record ActForm(@NotNull CivilAct.Kind kind, @Min(1800) @Max(2200) int year, @Positive int volume,
                          @Positive int actNumber, @NotNull @PastOrPresent LocalDate eventDate,
                          @NotBlank @Size(max = 200) String eventPlace,
                          @NotNull @NotEmpty @Size(max = 20) List<@Valid @NotNull Person> persons) {}

    public record ActView(UUID id, CivilAct.Kind kind, String registryOffice, int year, int volume, int actNumber,
                          LocalDate eventDate, String eventPlace, List<Person> persons, int version,
                          List<Records.NoteView> notes) {
        static ActView of(CivilAct a, List<Records.NoteView> notes) {
            return new ActView(a.id, a.kind, a.registryOffice, a.year, a.volume, a.actNumber, a.eventDate, a.eventPlace,
                    a.persons(), a.version, notes);
        }
    }

    @Inject
    Records records;

    /** Enters an act of the caller's own registry office. */
    @POST
    @WithTransaction
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActView.class)))
    @Operation(summary = "Enter a civil act (birth, marriage, death)")
    @APIResponse(responseCode = "409", description = "`already-exists`: the act is already registered.")
    public Uni<RestResponse<ActView>> enter(@Valid @NotNull ActForm form) {
        checkPersons(form.kind(), form.persons());
        String office = records.callerMunicipality();
        return CivilAct.count("registryOffice = ?1 and year = ?2 and volume = ?3 and actNumber = ?4", office, form.year(),
                form.volume(), form.actNumber()).flatMap(existing -> {
            if (existing > 0) {
                throw Problems.conflict(ProblemType.ALREADY_EXISTS, "Η πράξη " + form.actNumber() + " του τόμου " + form.volume()
                        + "/" + form.year() + " του ληξιαρχείου " + office + " είναι ήδη καταχωρισμένη.",
                        "Act " + form.actNumber() + " of volume " + form.volume() + "/" + form.year() + " of " + office
                                + " is already registered.");
            }
            CivilAct act = new CivilAct();
            records.recorded(act);
            act.kind = form.kind();
            act.registryOffice = office;
            act.year = form.year();
            act.volume = form.volume();
            act.actNumber = form.actNumber();
            act.eventDate = form.eventDate();
            act.eventPlace = form.eventPlace().strip();
            act.setPersons(form.persons());
            return act.<CivilAct>persist();
        }).map(act -> RestResponse.ResponseBuilder.<ActView>created(URI.create("/api/registry/civil-acts/" + act.id))
                .entity(ActView.of(act, List.of())).build());
    }

    /** By a person's tax number, or by the act's numbers (office and year, optionally volume and number). */
    @GET
    @WithTransaction
    @Operation(summary = "Find civil acts by tax number or by their numbers")
    public Uni<List<ActView>> find(@QueryParam("taxId") String taxId, @QueryParam("registryOffice") String office,
                                   @QueryParam("year") Integer year, @QueryParam("volume") Integer volume,
                                   @QueryParam("actNumber") Integer actNumber) {
        String requestId = Records.requestId();
        Uni<List<CivilAct>> found;
        if (taxId != null) {
            if (!TaxNumber.isValid(taxId)) {
                throw Problems.invalidTaxNumber("taxId");
            }
            found = CivilAct.naming(taxId);
        } else if (office != null && year != null) {
            Parameters numbers = Parameters.with("office", office).and("year", year);
            StringBuilder query = new StringBuilder("registryOffice = :office and year = :year");
            if (volume != null) {
                query.append(" and volume = :volume");
                numbers.and("volume", volume);
            }
            if (actNumber != null) {
                query.append(" and actNumber = :number");
                numbers.and("number", actNumber);
            }
            found = CivilAct.list(query.append(" order by volume, actNumber").toString(), numbers);
        } else {
            throw Problem.invalidField("taxId", "δώστε ΑΦΜ ή ληξιαρχείο και έτος",
                    "give a tax number, or a registry office and a year");
        }
        return found.map(acts -> acts.stream().limit(50).toList())
                .flatMap(acts -> records.disclose(acts, requestId))
                .map(acts -> acts.stream().map(a -> ActView.of(a, null)).toList());
    }

    @GET
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "One civil act with its marginal notes")
    public Uni<ActView> read(@PathParam("id") UUID id) {
        return records.show(CivilAct.<CivilAct>findById(id), CIVIL_ACT, ActView::of);
    }

    /** A correction of the caller's own office's act: a marginal note; the act's version goes up. */
    @POST
    @Path("{id}/corrections")
    @WithTransaction
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Records.NoteView.class)))
    @Operation(summary = "Correct a civil act (a marginal note)")
    public Uni<RestResponse<Records.NoteView>> correct(@PathParam("id") UUID id, @Valid @NotNull Records.Correction correction) {
        // the record is locked until the correction commits: concurrent corrections are applied one after the other
        return CivilAct.<CivilAct>findById(id, LockModeType.PESSIMISTIC_WRITE).map(a -> Records.found(a, CIVIL_ACT))
                .flatMap(act -> records.correct(act, correction, (field, value) -> actField(act, field, value)))
                .map(note -> RestResponse.ResponseBuilder.<Records.NoteView>created(
                        URI.create("/api/registry/civil-acts/" + id)).entity(Records.NoteView.of(note)).build());
    }

    private static String actField(CivilAct act, String field, String value) {
        String old;
        switch (field) {
            case "eventPlace" -> {
                if (value == null || value.isBlank() || value.length() > 200) {
                    throw Problem.invalidField("value", "ένας τόπος από 1 έως 200 χαρακτήρες", "a place of 1 to 200 characters");
                }
                old = act.eventPlace;
                act.eventPlace = value.strip();
            }
            case "eventDate" -> {
                old = act.eventDate.toString();
                try {
                    act.eventDate = LocalDate.parse(value == null ? "" : value.strip());
                } catch (DateTimeParseException e) {
                    throw Problem.invalidField("value", "μια ημερομηνία της μορφής ΕΕΕΕ-ΜΜ-ΗΗ", "a date as YYYY-MM-DD");
                }
            }
            default -> throw Problem.invalidField("field",
                    "eventPlace ή eventDate, ή ορίστε πρόσωπο για ένα από " + Person.CORRECTABLE,
                    "eventPlace or eventDate, or name a person for one of " + Person.CORRECTABLE);
        }
        return old;
    }

    private static void checkPersons(CivilAct.Kind kind, List<Person> persons) {
        for (int i = 0; i < persons.size(); i++) {
            Person p = persons.get(i);
            if (!kind.roles.contains(p.role())) {
                throw Problem.invalidField("persons[" + i + "].role", "ένα από " + kind.roles + " σε πράξη " + kind,
                        "one of " + kind.roles + " in a " + kind + " act");
            }
            if (p.taxId() != null && !TaxNumber.isValid(p.taxId())) {
                throw Problems.invalidTaxNumber("persons[" + i + "].taxId");
            }
        }
        if (persons.stream().filter(p -> p.role().equals(kind.subject)).count() != kind.subjects()) {
            throw Problem.invalidField("persons", "μια πράξη " + kind + " αναφέρει " + kind.subjects() + " " + kind.subject,
                    "a " + kind + " act names " + kind.subjects() + " " + kind.subject);
        }
    }
}
