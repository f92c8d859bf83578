package gr.mydimos.registry.records;

import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import gr.mydimos.registry.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Civil-registry acts (seed 002): entered for the caller's own registry office, found in any office (the Citizen
 * Registry is one database), corrected by marginal notes; every act shown is logged as read, in the same transaction.
 */
@ApplicationScoped
public class CivilActs {


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
    @WithTransaction
    public Uni<CivilAct> enter(ActForm form) {
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
        });
    }

    /** By a person's tax number, or by the act's numbers (office and year, optionally volume and number). */
    @WithTransaction
    public Uni<List<ActView>> find(String taxId, String office,
                                   Integer year, Integer volume,
                                   Integer actNumber) {
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

    @WithTransaction
    public Uni<ActView> read(UUID id) {
        return records.show(CivilAct.<CivilAct>findById(id), CIVIL_ACT, ActView::of);
    }

    /** A correction of the caller's own office's act: a marginal note; the act's version goes up. */
    @WithTransaction
    public Uni<Records.NoteView> correct(UUID id, Records.Correction correction) {
        // the record is locked until the correction commits: concurrent corrections are applied one after the other
        return CivilAct.<CivilAct>findById(id, LockModeType.PESSIMISTIC_WRITE).map(a -> Records.found(a, CIVIL_ACT))
                .flatMap(act -> records.correct(act, correction, (field, value) -> actField(act, field, value)))
                .map(Records.NoteView::of);
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
