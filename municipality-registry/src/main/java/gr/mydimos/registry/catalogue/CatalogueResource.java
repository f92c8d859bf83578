package gr.mydimos.registry.catalogue;

import gr.mydimos.registry.municipality.MunicipalityResource;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Public catalogue of a municipality's services, read by the portal and by the booking and availability services. */
@Path("/api/registry/municipalities/{code}/services")
@PermitAll
public class CatalogueResource {

    @Schema(description = "A service people book: the ways it is offered and how long each takes, what to bring and what"
            + " the office obtains itself, fees.", requiredProperties = {"id", "unitId", "nameEl", "nameEn", "modes", "bufferMinutes"})
    public record ServiceView(String id, String unitId, String nameEl, String nameEn,
                              List<PublicService.ModeDuration> modes, int bufferMinutes,
                              List<PublicService.Document> documents, List<PublicService.Fee> fees,
                              String notesEl, String notesEn) {}

    @GET
    @WithSession
    @Operation(summary = "A municipality's services: modes, durations, documents and fees")
    public Uni<List<ServiceView>> list(@PathParam("code") String code) {
        return MunicipalityResource.activeMunicipality(code)
                .flatMap(m -> PublicService.<PublicService>find(
                        "unitId in (select u.id from Unit u where u.municipalityCode = ?1) order by id", m.code).list())
                .map(services -> services.stream()
                        .map(s -> new ServiceView(s.id, s.unitId, s.nameEl, s.nameEn, s.terms.modes(), s.bufferMinutes,
                                s.terms.documents(), s.terms.fees(), s.notesEl, s.notesEn))
                        .toList());
    }
}
