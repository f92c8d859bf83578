package gr.mydimos.registry.catalogue;

import gr.mydimos.registry.certificates.Municipalities;
import gr.mydimos.registry.municipality.Municipality;
import gr.mydimos.registry.municipality.Unit;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The municipalities and their catalogue as the Citizen Registry sees them (its {@link Municipalities} port). */
@ApplicationScoped
public class MunicipalitiesForRegistry implements Municipalities {

    @Override
    public Uni<Names> names(String code) {
        return Municipality.<Municipality>findById(code).map(m -> m == null ? null : new Names(m.nameEl, m.nameEn));
    }

    @Override
    public Uni<ServiceDocuments> documentsOf(String serviceId) {
        return PublicService.<PublicService>findById(serviceId).flatMap(service -> service == null ? Uni.createFrom().nullItem()
                : Unit.<Unit>findById(service.unitId).map(unit -> unit == null ? null : new ServiceDocuments(unit.municipalityCode,
                        service.terms.documents().stream().filter(d -> d.certificate() != null)
                                .map(d -> new Document(d.nameEl(), d.nameEn(), d.certificate())).toList())));
    }
}
