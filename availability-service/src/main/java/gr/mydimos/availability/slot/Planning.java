package gr.mydimos.availability.slot;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.catalogue.Catalogue.OfferedService;
import gr.mydimos.availability.schedule.BookingPolicy;
import gr.mydimos.availability.schedule.Employee;
import gr.mydimos.availability.schedule.Schedule;
import gr.mydimos.availability.schedule.Schedules;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a search plans with for some days of a service — the booking window, the qualified employees and the unit's
 * schedule — read once per generation of 'planning' (staff, hours, closures, holidays, booking windows: administrative
 * changes, rare). Every reservation searches its day again under its lock; it reads these seven tables only when one
 * of them has changed since, and one small query tells. Runs inside the caller's session, so the generation is read in
 * the caller's transaction: plans kept under a generation are never older than it. Callers only read the planning
 * tables (a plan read after the caller's own uncommitted change would be kept under a generation a rollback frees),
 * and nothing changes a kept plan: its schedule's entities are shared by every request that plans with it.
 */
@ApplicationScoped
public class Planning {

    /** The plan of some days: the employees are all the unit's active ones qualified for the service, by id. */
    public record Plan(BookingPolicy.Window window, List<String> employees, Schedule schedule) {}

    record Key(String municipality, String serviceId, String unitId, LocalDate from, LocalDate to) {}

    private record Kept(long generation, Plan plan) {}

    private static final String GENERATION = "select g.generation from SearchGeneration g where g.scope = 'planning'";

    @Inject
    AvailabilityConfig config;
    @Inject
    Schedules schedules;
    @CacheName("slot-planning")
    Cache cache;

    public Uni<Plan> of(String municipality, OfferedService service, LocalDate from, LocalDate to) {
        Key key = new Key(municipality, service.id(), service.unitId(), from, to);
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(GENERATION, Long.class).getSingleResult())
                .flatMap(generation -> {
                    CompletableFuture<Kept> cached = cache.as(CaffeineCache.class).getIfPresent(key);
                    Kept kept = cached == null ? null : cached.getNow(null);
                    if (kept != null && kept.generation() == generation) {
                        return Uni.createFrom().item(kept.plan());
                    }
                    return read(key).invoke(plan -> cache.as(CaffeineCache.class)
                            .put(key, CompletableFuture.completedFuture(new Kept(generation, plan))));
                });
    }

    private Uni<Plan> read(Key key) {
        return BookingPolicy.window(key.municipality(), key.serviceId(), config)
                .flatMap(window -> Employee.qualified(key.municipality(), key.unitId(), key.serviceId(), null)
                        .flatMap(employees -> schedules.of(key.municipality(), key.unitId(), key.from(), key.to())
                                .map(schedule -> new Plan(window, employees.stream().map(e -> e.id).toList(), schedule))));
    }
}
