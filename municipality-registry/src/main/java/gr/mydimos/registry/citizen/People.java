package gr.mydimos.registry.citizen;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.Problem;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.records.Records;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** A clerk looks a caller up in the registry to serve them: every look-up is logged with its reason, found or not. */
@ApplicationScoped
public class People {

    @Inject
    Records records;
    @Inject
    ActingMunicipality acting;
    @Inject
    Clock clock;

    /** The person's record, or null when the registry holds none; the look-up's log commits either way. */
    @WithTransaction
    public Uni<CitizenRecord> lookUp(String taxId, String reason) {
        if (!TaxNumber.isValid(taxId)) {
            throw Problems.invalidTaxNumber("taxId");
        }
        if (reason == null || reason.strip().length() < 3 || reason.length() > 300 || reason.chars().anyMatch(Character::isISOControl)) {
            throw Problem.invalidField("reason", "γράψτε τον λόγο της αναζήτησης (3 έως 300 χαρακτήρες)",
                    "say why you look the person up (3 to 300 characters)");
        }
        PersonRead read = new PersonRead();
        read.readAt = clock.instant();
        read.reader = records.caller();
        read.readerMunicipality = acting.required();
        read.subjectTaxId = taxId;
        read.reason = reason.strip();
        read.requestId = Records.requestId();
        return CitizenRecord.<CitizenRecord>findById(taxId).flatMap(r -> {
            read.found = r != null;
            return read.persist().replaceWith(r);
        });
    }
}
