package gr.mydimos.availability.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps availability's copy of the staff and of the units' weekly hours in step with the registry (docs/events.md).
 * Events carry the whole new state and are applied as upserts, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class RegistryEventConsumer {

    private static final Logger LOG = Logger.getLogger(RegistryEventConsumer.class);

    record Employee(String id, String municipality, String unitId, String displayName, List<String> serviceIds,
                    boolean active) {}

    record Hours(int day, String opens, String closes) {}

    record Unit(String id, List<Hours> hours) {}

    record Municipality(String code, List<Unit> units) {}

    record Event(UUID eventId, String type, Instant occurredAt, Employee employee, Municipality municipality) {}

    private static final String UPSERT_EMPLOYEE = """
            INSERT INTO employee (id, municipality_code, unit_id, display_name, service_ids, active)
            VALUES (:id, :municipality, :unit, :name, string_to_array(:services, ','), :active)
            ON CONFLICT (id) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, unit_id = EXCLUDED.unit_id,
                display_name = EXCLUDED.display_name, service_ids = EXCLUDED.service_ids, active = EXCLUDED.active""";

    @Inject
    ObjectMapper json;
    @Inject
    @CacheName("registry-services")
    Cache catalogue;

    @Incoming("registry-events")
    public Uni<Void> consume(String payload) {
        Event event;
        try {
            event = json.readValue(payload, Event.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("Unreadable registry event skipped: %s", e.getOriginalMessage());
            return Uni.createFrom().voidItem();
        }
        if (event.employee() != null) {
            return Panache.withTransaction(() -> upsert(event.employee()));
        }
        if ("MunicipalityActivated".equals(event.type()) && event.municipality() != null) {
            return Panache.withTransaction(() -> replaceHours(event.municipality().units()))
                    .call(catalogue::invalidateAll);
        }
        if ("MunicipalitySuspended".equals(event.type()) || "ServiceChanged".equals(event.type())) {
            return catalogue.invalidateAll(); // read durations and modes afresh: never offer what no longer exists
        }
        return Uni.createFrom().voidItem(); // a type this version does not use
    }

    private static Uni<Void> upsert(Employee e) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(UPSERT_EMPLOYEE)
                .setParameter("id", e.id()).setParameter("municipality", e.municipality())
                .setParameter("unit", e.unitId()).setParameter("name", e.displayName())
                .setParameter("services", String.join(",", e.serviceIds())).setParameter("active", e.active())
                .executeUpdate()).replaceWithVoid();
    }

    /** The unit's own weekly hours become those declared; service-specific overrides stay. */
    private static Uni<Void> replaceHours(List<Unit> units) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Unit unit : units) {
            chain = chain.call(() -> Panache.getSession().flatMap(session -> session
                    .createNativeQuery("DELETE FROM weekly_hours WHERE unit_id = :unit AND service_id IS NULL")
                    .setParameter("unit", unit.id()).executeUpdate()));
            for (Hours h : unit.hours()) {
                chain = chain.call(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "INSERT INTO weekly_hours (unit_id, day_of_week, opens, closes) VALUES (:unit, :day, :opens, :closes)")
                        .setParameter("unit", unit.id()).setParameter("day", (short) h.day())
                        .setParameter("opens", LocalTime.parse(h.opens())).setParameter("closes", LocalTime.parse(h.closes()))
                        .executeUpdate()));
            }
        }
        return chain;
    }
}
