package gr.mydimos.availability.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gr.mydimos.availability.catalogue.Catalogue;
import gr.mydimos.availability.schedule.ScheduleTemplate;
import gr.mydimos.events.RegistryEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps availability's copy of the staff, units and the units' declared weekly hours in step with the registry (docs/events.md).
 * Events carry the whole new state and are applied as upserts, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class RegistryEventConsumer {

    private static final Logger LOG = Logger.getLogger(RegistryEventConsumer.class);

    private static final String UPSERT_EMPLOYEE = """
            INSERT INTO employee (id, municipality_code, unit_id, display_name, service_ids, active)
            VALUES (:id, :municipality, :unit, :name, string_to_array(:services, ','), :active)
            ON CONFLICT (id) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, unit_id = EXCLUDED.unit_id,
                display_name = EXCLUDED.display_name, service_ids = EXCLUDED.service_ids, active = EXCLUDED.active""";

    @Inject
    ObjectMapper json;
    @Inject
    Catalogue catalogue;

    @Incoming("registry-events")
    public Uni<Void> consume(String payload) {
        RegistryEvent event;
        try {
            event = json.readValue(payload, RegistryEvent.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("Unreadable registry event skipped: %s", e.getOriginalMessage());
            return Uni.createFrom().voidItem();
        }
        if (event.employee() != null) {
            return Panache.withTransaction(() -> upsertUnit(event.employee().unitId(), event.employee().municipality())
                    .call(() -> upsert(event.employee())));
        }
        // a unit added later comes with its declared hours as the units of an activation do
        if ((RegistryEvent.MUNICIPALITY_ACTIVATED.equals(event.type()) || RegistryEvent.UNIT_ADDED.equals(event.type()))
                && event.municipality() != null) {
            return Panache.withTransaction(() -> replaceHours(event.municipality()))
                    .call(() -> catalogue.forget(event.municipality().code()));
        }
        if (RegistryEvent.MUNICIPALITY_SUSPENDED.equals(event.type()) && event.municipality() != null) {
            return catalogue.forget(event.municipality().code()); // never offer what no longer exists
        }
        if (RegistryEvent.SERVICE_CHANGED.equals(event.type()) && event.service() != null) {
            return catalogue.changed(event.service());
        }
        return Uni.createFrom().voidItem(); // a type this version does not use
    }

    private static Uni<Void> upsert(RegistryEvent.Employee e) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(UPSERT_EMPLOYEE)
                .setParameter("id", e.id()).setParameter("municipality", e.municipality())
                .setParameter("unit", e.unitId()).setParameter("name", e.displayName())
                .setParameter("services", String.join(",", e.serviceIds())).setParameter("active", e.active())
                .executeUpdate()).replaceWithVoid();
    }

    private static Uni<Void> upsertUnit(String unitId, String municipality) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO unit (id, municipality_code) VALUES (:id, :municipality) ON CONFLICT (id) DO NOTHING")
                .setParameter("id", unitId).setParameter("municipality", municipality).executeUpdate()).replaceWithVoid();
    }

    /** Each unit's template declared by the registry becomes the declared hours; admins' own templates stay. */
    private Uni<Void> replaceHours(RegistryEvent.Municipality municipality) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RegistryEvent.Unit unit : municipality.units()) {
            chain = chain.call(() -> upsertUnit(unit.id(), municipality.code()))
                    .call(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                                    DELETE FROM schedule_template WHERE unit_id = :unit AND declared_by_registry
                                    AND service_id IS NULL AND employee_id IS NULL""")
                            .setParameter("unit", unit.id()).executeUpdate()))
                    .call(() -> {
                        ScheduleTemplate template = new ScheduleTemplate();
                        template.unitId = unit.id();
                        template.declaredByRegistry = true;
                        template.week = new ScheduleTemplate.Week(unit.hours().stream()
                                .map(h -> new ScheduleTemplate.Period(h.day(), h.opens(), h.closes())).toList());
                        return template.persist();
                    });
        }
        return chain;
    }
}
