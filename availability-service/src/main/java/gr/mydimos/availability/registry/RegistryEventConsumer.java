package gr.mydimos.availability.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gr.mydimos.availability.catalogue.Catalogue;
import gr.mydimos.events.RegistryEvent;
import gr.mydimos.problems.Outages;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps availability's copy of the staff, units and the units' declared weekly hours ({@link RegistryCopy}) and its
 * cached catalogue in step with the registry's events (event-contracts' RegistryEvent, docs/events.md).
 */
@ApplicationScoped
public class RegistryEventConsumer {

    @Inject
    ObjectMapper json;
    @Inject
    Catalogue catalogue;
    @Inject
    RegistryCopy copy;

    void start(@Observes StartupEvent started) {
        Outages.countsPassedOver("registry-events");
    }

    @Incoming("registry-events")
    public Uni<Void> consume(String payload) {
        RegistryEvent event;
        try {
            event = json.readValue(payload, RegistryEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) { // not JSON, or no value at all
            return Outages.unreadable("registry-events", e.getMessage());
        }
        if (event == null) {
            return Uni.createFrom().voidItem(); // JSON null: nothing to apply
        }
        return Outages.waitedOut("registry-events", "Registry event " + event.type(), () -> apply(event));
    }

    private Uni<Void> apply(RegistryEvent event) {
        if (event.employee() != null) {
            return copy.employee(event.employee());
        }
        // a unit added later comes with its declared hours as the units of an activation do
        if ((RegistryEvent.MUNICIPALITY_ACTIVATED.equals(event.type()) || RegistryEvent.UNIT_ADDED.equals(event.type()))
                && event.municipality() != null) {
            return copy.declaredHours(event.municipality()).call(() -> catalogue.forget(event.municipality().code()));
        }
        if (RegistryEvent.MUNICIPALITY_SUSPENDED.equals(event.type()) && event.municipality() != null) {
            return catalogue.forget(event.municipality().code()); // never offer what no longer exists
        }
        if (RegistryEvent.SERVICE_CHANGED.equals(event.type()) && event.service() != null) {
            return catalogue.changed(event.service());
        }
        return Uni.createFrom().voidItem(); // a type this version does not use
    }
}
