package gr.mydimos.booking.catalogue;

import gr.mydimos.booking.Mode;
import gr.mydimos.booking.Problems;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads municipalities and services from the registry (cached briefly) and checks what a booking asks for. */
@ApplicationScoped
public class Catalogue {

    /** The municipality and service a booking is for, once both are known to offer the mode. */
    public record Offer(RegistryApi.Municipality municipality, RegistryApi.Service service) {}

    @RestClient
    RegistryApi registry;

    public Uni<Offer> require(String municipalityCode, String serviceId, Mode mode) {
        return municipality(municipalityCode).flatMap(municipality -> services(municipalityCode).map(services -> {
            RegistryApi.Service service = services.stream().filter(s -> s.id().equals(serviceId)).findFirst()
                    .orElseThrow(() -> Problems.unknownService("The municipality offers no such service.", "service"));
            if (!municipality.modes().contains(mode) || service.modes().stream().noneMatch(m -> m.mode() == mode)) {
                throw Problems.invalidField("mode", "the service is not offered as " + mode);
            }
            return new Offer(municipality, service);
        }));
    }

    @CacheResult(cacheName = "registry-municipality")
    Uni<RegistryApi.Municipality> municipality(String code) {
        return registry.municipality(code).onFailure().transform(failure -> translate(failure, code));
    }

    @CacheResult(cacheName = "registry-services")
    Uni<List<RegistryApi.Service>> services(String code) {
        return registry.services(code).onFailure().transform(failure -> translate(failure, code));
    }

    private static Throwable translate(Throwable failure, String code) {
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404) {
            return Problems.unknownService("No active municipality has this code.", "municipality");
        }
        return Problems.dependencyUnavailable("municipality registry");
    }
}
