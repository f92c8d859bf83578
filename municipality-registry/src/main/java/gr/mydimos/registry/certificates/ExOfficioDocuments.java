package gr.mydimos.registry.certificates;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.Text;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.records.KeptRecord;
import gr.mydimos.registry.records.MarginalNote;
import gr.mydimos.registry.records.Records;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Which of a service's required documents are Citizen Registry certificates the office retrieves itself (seed 003,
 * αυτεπάγγελτα), and whether the registry holds the record for the person; each record found is logged as read, in the
 * same transaction.
 */
@ApplicationScoped
public class ExOfficioDocuments {

    public record RecordRef(MarginalNote.RecordKind kind, UUID id, int version) {}

    public record ExOfficioDocument(String nameEl, String nameEn, Certificate.Type certificate, boolean ready,
                                    RecordRef record) {}

    @Inject
    Certificates certificates;
    @Inject
    Municipalities municipalities;
    @Inject
    Records records;
    @Inject
    ActingMunicipality acting;

    /** withRecordIds: whether the answer names the records (staff with a registry duty only). */
    @WithTransaction
    public Uni<List<ExOfficioDocument>> of(String serviceId, String taxId, boolean withRecordIds) {
        if (serviceId == null || serviceId.isBlank()) {
            throw Problem.invalidField("service", "η υπηρεσία του ραντεβού είναι υποχρεωτική", "the service of the appointment is required");
        }
        if (!TaxNumber.isValid(taxId)) {
            throw Problem.invalidField("taxId", "ο έγκυρος ΑΦΜ του προσώπου του ραντεβού είναι υποχρεωτικός",
                    "the valid tax number of the appointment's person is required");
        }
        String requestId = Records.requestId();
        return municipalities.documentsOf(serviceId)
                .invoke(service -> {
                    if (service == null) {
                        throw Problems.notFound(Text.of("υπηρεσία", "service"));
                    }
                    if (!service.municipalityCode().equals(acting.code())) {
                        throw Problems.forbidden("service", "Η υπηρεσία ανήκει σε άλλον δήμο.", "The service belongs to another municipality.");
                    }
                })
                .flatMap(service -> Multi.createFrom().iterable(service.documents())
                        .filter(d -> d.certificate() != Certificate.Type.CIVIL_ACT_EXTRACT)
                        .onItem().transformToUniAndConcatenate(d -> certificates.recordFor(d.certificate(), taxId)
                                .flatMap(record -> record == null ? Uni.createFrom().item(document(d, null, false))
                                        : records.disclose(List.of(record), requestId)
                                        .replaceWith(document(d, record, withRecordIds))))
                        .collect().asList());
    }

    private static ExOfficioDocument document(Municipalities.Document d, KeptRecord record, boolean withRecordId) {
        return new ExOfficioDocument(d.nameEl(), d.nameEn(), d.certificate(), record != null,
                record == null || !withRecordId ? null : new RecordRef(record.kind(), record.id, record.version));
    }
}
