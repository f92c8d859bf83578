package gr.mydimos.availability.catalogue;

import gr.mydimos.availability.Mode;
import gr.mydimos.availability.Problems;
import gr.mydimos.events.RegistryEvent;
import gr.mydimos.problems.Problem;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** What availability needs to know of a service, read from the registry and cached briefly. */
@ApplicationScoped
public class Catalogue {

    private static final Logger LOG = Logger.getLogger(Catalogue.class);

    /** A service as offered in one mode: its unit, how long it takes, and the pause after it. */
    public record OfferedService(String id, String unitId, Mode mode, Duration duration, Duration buffer) {}

    @RestClient
    RegistryApi registry;
    @CacheName("registry-services")
    Cache cache;

    /** The service in that mode, or a 400 problem: unknown-service, or invalid-field when the mode is not offered. */
    public Uni<OfferedService> require(String municipality, String serviceId, Mode mode) {
        return servicesOf(municipality).map(services -> {
            RegistryApi.ServiceTerms service = services.stream().filter(s -> s.id().equals(serviceId)).findFirst()
                    .orElseThrow(() -> Problems.unknownService());
            RegistryApi.ModeDuration offered = service.modes().stream().filter(m -> m.mode() == mode).findFirst()
                    .orElseThrow(() -> Problem.invalidField("mode", "η υπηρεσία δεν προσφέρεται με αυτόν τον τρόπο (" + mode + ")",
                            "the service is not offered as " + mode));
            return new OfferedService(service.id(), service.unitId(), mode,
                    Duration.ofMinutes(offered.durationMinutes()), Duration.ofMinutes(service.bufferMinutes()));
        });
    }

    /** The unit that offers the service, or a 400 problem naming `field` when the municipality has no such service. */
    public Uni<String> unitOf(String municipality, String serviceId, String field) {
        return servicesOf(municipality).map(services -> services.stream().filter(s -> s.id().equals(serviceId))
                .findFirst().map(RegistryApi.ServiceTerms::unitId)
                .orElseThrow(() -> Problem.invalidField(field, "ο δήμος δεν προσφέρει υπηρεσία «" + serviceId + "»",
                        "the municipality offers no service '" + serviceId + "'")));
    }

    /**
     * A service added or changed: ServiceChanged carries its whole terms, so a municipality's catalogue read earlier
     * takes them as they are, without asking the registry again (one not read yet is read when first needed).
     */
    public Uni<Void> changed(RegistryEvent.Service changed) {
        CaffeineCache services = cache.as(CaffeineCache.class);
        CompletableFuture<List<RegistryApi.ServiceTerms>> cached = services.getIfPresent(changed.municipality());
        if (cached == null) {
            return Uni.createFrom().voidItem();
        }
        RegistryApi.ServiceTerms terms = new RegistryApi.ServiceTerms(changed.id(), changed.unitId(), changed.modes().stream()
                .map(m -> new RegistryApi.ModeDuration(Mode.valueOf(m.mode()), m.durationMinutes())).toList(),
                changed.bufferMinutes());
        return Uni.createFrom().completionStage(cached).onItemOrFailure().transformToUni((list, failure) -> {
            if (list == null) {
                return services.invalidate(changed.municipality()); // the read failed: read afresh when needed
            }
            List<RegistryApi.ServiceTerms> updated = new ArrayList<>(list.stream().filter(s -> !s.id().equals(changed.id())).toList());
            updated.add(terms);
            services.put(changed.municipality(), CompletableFuture.completedFuture(List.copyOf(updated)));
            return Uni.createFrom().voidItem();
        });
    }

    /** Forgets what was read of the municipality's catalogue (activated, suspended, or given a unit). */
    public Uni<Void> forget(String municipality) {
        return cache.invalidate(municipality);
    }

    @CacheResult(cacheName = "registry-services")
    Uni<List<RegistryApi.ServiceTerms>> servicesOf(String municipality) {
        return registry.services(municipality).onFailure().recoverWithUni(failure -> {
            if (failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404) {
                return Uni.createFrom().item(List.of());
            }
            LOG.warnf("The registry's catalogue could not be read: %s", failure.toString());
            return Uni.createFrom().failure(Problems.dependencyUnavailable("ο κατάλογος υπηρεσιών", "the catalogue of services"));
        });
    }
}
