package gr.mydimos.booking.catalogue;

import gr.mydimos.booking.Mode;
import gr.mydimos.booking.Problems;
import gr.mydimos.problems.Problem;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Reads municipalities and services from the registry (cached briefly) and checks what a booking asks for. */
@ApplicationScoped
public class Catalogue {

    private static final Logger LOG = Logger.getLogger(Catalogue.class);

    /** The municipality and service a booking is for, once both are known to offer the mode. */
    public record Offer(RegistryApi.Municipality municipality, RegistryApi.Service service) {}

    @RestClient
    RegistryApi registry;

    public Uni<Offer> require(String municipalityCode, String serviceId, Mode mode) {
        return municipality(municipalityCode).flatMap(municipality -> services(municipalityCode).map(services -> {
            RegistryApi.Service service = services.stream().filter(s -> s.id().equals(serviceId)).findFirst()
                    .orElseThrow(() -> Problems.unknownService("service", "Ο δήμος δεν προσφέρει αυτή την υπηρεσία.",
                        "The municipality offers no such service."));
            if (!municipality.modes().contains(mode) || service.modes().stream().noneMatch(m -> m.mode() == mode)) {
                throw Problem.invalidField("mode", "η υπηρεσία δεν προσφέρεται με αυτόν τον τρόπο (" + mode + ")",
                    "the service is not offered as " + mode);
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
            return Problems.unknownService("municipality", "Κανένας ενεργός δήμος δεν έχει αυτόν τον κωδικό.",
                    "No active municipality has this code.");
        }
        LOG.warnf("The registry did not answer usefully for %s: %s", code, failure.toString());
        return Problems.dependencyUnavailable("Το μητρώο δήμων δεν απάντησε· δεν καταχωρίστηκε τίποτα. Δοκιμάστε ξανά.",
                    "The municipality registry did not answer; nothing was booked. Please try again.");
    }
}
