package gr.mydimos.registry.certificates;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * What the Citizen Registry needs to know of the municipalities and their catalogue, another bounded context of this
 * service: implemented there, so that the registry's code never reads that context's tables (the boundary is kept by
 * {@code ArchitectureTest}). Called inside the caller's transaction.
 */
public interface Municipalities {

    /** The municipality's name in Greek and English, for a certificate it issues; null for an unknown code. */
    Uni<Names> names(String code);

    /** The municipality of a service and the documents it asks for that a registry certificate proves; null for an unknown service. */
    Uni<ServiceDocuments> documentsOf(String serviceId);

    record Names(String el, String en) {}

    record ServiceDocuments(String municipalityCode, List<Document> documents) {}

    record Document(String nameEl, String nameEn, Certificate.Type certificate) {}
}
