package gr.mydimos.registry.certificates;

import gr.mydimos.registry.Problems;
import gr.mydimos.registry.catalogue.PublicService;
import gr.mydimos.registry.identifiers.TaxNumber;
import gr.mydimos.registry.municipality.Unit;
import gr.mydimos.registry.records.KeptRecord;
import gr.mydimos.registry.records.MarginalNote;
import gr.mydimos.registry.records.Records;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * For the clerk preparing an appointment (seed 003, αυτεπάγγελτα): which of the service's required documents are
 * Citizen Registry certificates the office retrieves itself, and whether the registry holds the record for the
 * person — ready, so the citizen brings nothing — or not, so the office must ask for it. Each record found is logged
 * as read by the clerk.
 */
@Path("/api/registry/ex-officio-documents")
@RolesAllowed({"clerk", "municipal-admin"})
public class ExOfficioResource {

    public record RecordRef(MarginalNote.RecordKind kind, UUID id, int version) {}

    public record ExOfficioDocument(String nameEl, String nameEn, Certificate.Type certificate, boolean ready,
                                    RecordRef record) {}

    @Inject
    Certificates certificates;
    @Inject
    Records records;
    @Inject
    JsonWebToken token;

    @GET
    @WithTransaction
    public Uni<List<ExOfficioDocument>> forAppointment(@QueryParam("service") String serviceId,
                                                       @QueryParam("taxId") String taxId) {
        if (serviceId == null || serviceId.isBlank()) {
            throw Problems.invalidParameter("service", "the service of the appointment");
        }
        if (!TaxNumber.isValid(taxId)) {
            throw Problems.invalidParameter("taxId", "the tax number of the appointment's person");
        }
        String requestId = Records.requestId();
        return PublicService.<PublicService>findById(serviceId)
                .flatMap(service -> {
                    if (service == null) {
                        throw new NotFoundException("no such service");
                    }
                    return Unit.<Unit>findById(service.unitId).map(unit -> {
                        if (unit == null || !unit.municipalityCode.equals(token.getClaim("municipality"))) {
                            throw Problems.forbidden("service", "a service of another municipality");
                        }
                        return service;
                    });
                })
                .flatMap(service -> Multi.createFrom().iterable(service.terms.documents())
                        .filter(d -> d.certificate() != null && d.certificate() != Certificate.Type.CIVIL_ACT_EXTRACT)
                        .onItem().transformToUniAndConcatenate(d -> certificates.recordFor(d.certificate(), taxId)
                                .flatMap(record -> record == null ? Uni.createFrom().item(document(d, null))
                                        : records.disclose(List.of(record), requestId).replaceWith(document(d, record))))
                        .collect().asList());
    }

    private static ExOfficioDocument document(PublicService.Document d, KeptRecord record) {
        return new ExOfficioDocument(d.nameEl(), d.nameEn(), d.certificate(), record != null,
                record == null ? null : new RecordRef(record.kind(), record.id, record.version));
    }
}
