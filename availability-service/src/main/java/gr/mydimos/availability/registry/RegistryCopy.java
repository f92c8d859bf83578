package gr.mydimos.availability.registry;

import gr.mydimos.availability.schedule.ScheduleTemplate;
import gr.mydimos.events.RegistryEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Availability's copy of what the registry decides: the staff, the units and their declared weekly hours. Events carry
 * the whole new state and are applied as upserts, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class RegistryCopy {

    private static final String UPSERT_EMPLOYEE = """
            INSERT INTO employee (id, municipality_code, unit_id, display_name, service_ids, active)
            VALUES (:id, :municipality, :unit, :name, string_to_array(:services, ','), :active)
            ON CONFLICT (id) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, unit_id = EXCLUDED.unit_id,
                display_name = EXCLUDED.display_name, service_ids = EXCLUDED.service_ids, active = EXCLUDED.active""";

    /** The employee as the registry now has them (a removed one inactive: their booked appointments stay to be moved). */
    @WithTransaction
    public Uni<Void> employee(RegistryEvent.Employee e) {
        return upsertUnit(e.unitId(), e.municipality()).call(() -> upsert(e));
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
    @WithTransaction
    public Uni<Void> declaredHours(RegistryEvent.Municipality municipality) {
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
