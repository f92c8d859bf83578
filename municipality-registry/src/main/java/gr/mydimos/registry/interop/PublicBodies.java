package gr.mydimos.registry.interop;

import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.types.Text;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.records.CivilAct;
import gr.mydimos.registry.records.FamilyShare;
import gr.mydimos.registry.records.Records;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the Citizen Registry tells another public body about a person (seed 002, interoperability): their family status
 * and civil status, each answer logged as read in the same transaction.
 */
@ApplicationScoped
public class PublicBodies {

    public record Member(String relation, String firstName, String lastName, LocalDate birthDate) {}

    public record FamilyStatus(String taxId, String municipality, int shareNumber, List<Member> members) {}

    public record Event(LocalDate date, String place) {}

    public record CivilStatus(String taxId, Event birth, Event marriage, Event death) {}

    @Inject
    Records records;

    @WithTransaction
    public Uni<FamilyStatus> familyStatus(String taxId) {
        checked(taxId);
        String requestId = Records.requestId();
        return FamilyShare.current(taxId)
                .map(share -> Optional.ofNullable(share).orElseThrow(() -> Problems.notFound(Text.of("μερίδα δημοτολογίου", "family record"))))
                .flatMap(share -> records.disclose(List.of(share), requestId).replaceWith(share))
                .map(share -> new FamilyStatus(taxId, share.municipalityCode, share.shareNumber, share.persons().stream()
                        .map(p -> new Member(p.role(), p.firstName(), p.lastName(), p.birthDate())).toList()));
        }

    @WithTransaction
    public Uni<CivilStatus> civilStatus(String taxId) {
        checked(taxId);
        String requestId = Records.requestId();
        return CivilAct.naming(taxId)
                .flatMap(acts -> records.disclose(acts, requestId))
                .map(acts -> {
                    if (acts.isEmpty()) {
                        throw Problems.notFound("Καμία ληξιαρχική πράξη δεν αναφέρει αυτό το πρόσωπο.",
                                "No civil act names this person.");
                    }
                    return new CivilStatus(taxId, latest(acts, CivilAct.Kind.BIRTH, taxId),
                            latest(acts, CivilAct.Kind.MARRIAGE, taxId), latest(acts, CivilAct.Kind.DEATH, taxId));
                });
        }

    /** The latest act of the kind in which the person is its subject (the child born, a spouse, the deceased). */
    private static Event latest(List<CivilAct> acts, CivilAct.Kind kind, String taxId) {
        Optional<CivilAct> act = acts.stream().filter(a -> a.kind == kind && subject(a, taxId))
                .reduce((first, second) -> second);
        return act.map(a -> new Event(a.eventDate, a.eventPlace)).orElse(null);
    }

    private static boolean subject(CivilAct act, String taxId) {
        return act.persons().stream().anyMatch(p -> taxId.equals(p.taxId()) && act.kind.subject.equals(p.role()));
    }

    private static void checked(String taxId) {
        if (!TaxNumber.isValid(taxId)) {
            throw Problems.invalidTaxNumber("taxId");
        }
    }
}
