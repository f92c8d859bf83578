package gr.mydimos.availability.slot;

import gr.mydimos.availability.catalogue.Catalogue.OfferedService;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The public slot search (AV-3) from memory, never stale: each answer is kept with the sum of the generations of what
 * it was computed from (V8__slot_search_generations.sql says what bumps them) and given again only while one small
 * query finds that sum unchanged. So a booking, a cancellation, a change of hours or a holiday shows in the very next
 * search, on every instance. The booking window is applied to the moment of each answer, not of the computation.
 */
@ApplicationScoped
public class SlotCache {

    private static final String GENERATION = "SELECT coalesce(sum(generation), 0)::bigint FROM search_generation WHERE scope ";

    /** A search, as asked: the service's terms are part of it, so new terms are a new search. */
    record Key(String municipality, OfferedService service, LocalDate from, LocalDate to, String employee) {}

    /** A computed search, what it read and their generations' sum when it read them. */
    record Kept(SlotSearch.Grid grid, List<String> scopes, long generation) {}

    @Inject
    SlotSearch search;
    @Inject
    Pool database;
    @Inject
    Clock clock;
    @CacheName("slot-searches")
    Cache cache;

    /** The free times bookable now, as the search would compute them now. */
    public Uni<SlotSearch.Result> search(String municipality, OfferedService service, LocalDate from, LocalDate to,
                                         String employee) {
        Key key = new Key(municipality, service, from, to, employee);
        CompletableFuture<Kept> cached = cache.as(CaffeineCache.class).getIfPresent(key);
        Kept kept = cached == null ? null : cached.getNow(null);
        if (kept == null) {
            return compute(key);
        }
        return database.preparedQuery(GENERATION + "= ANY($1)").execute(Tuple.of(kept.scopes().toArray(String[]::new)))
                .flatMap(rows -> rows.iterator().next().getLong(0) == kept.generation()
                        ? Uni.createFrom().item(kept.grid().at(clock.instant()))
                        : compute(key));
    }

    /**
     * Searches and reads the generations in one snapshot, so that a change committed meanwhile is in neither: the
     * answer is filed under generations no newer than its data.
     */
    private Uni<SlotSearch.Result> compute(Key key) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                .executeUpdate())
                        .flatMap(isolated -> search.grid(key.municipality(), key.service(), key.from(), key.to(),
                                key.employee(), false))
                        .flatMap(grid -> {
                            List<String> scopes = scopes(grid, key.service());
                            return Panache.getSession().flatMap(session -> session
                                            .createNativeQuery(GENERATION + "IN (:scopes)", Long.class)
                                            .setParameter("scopes", scopes).getSingleResult())
                                    .map(generation -> new Kept(grid, scopes, generation));
                        }))
                .invoke(kept -> cache.as(CaffeineCache.class).put(key, CompletableFuture.completedFuture(kept)))
                .map(kept -> kept.grid().at(clock.instant()));
    }

    private static List<String> scopes(SlotSearch.Grid grid, OfferedService service) {
        List<String> scopes = new ArrayList<>();
        scopes.add("planning");
        if (grid.positionsLimited()) {
            scopes.add("unit:" + service.unitId());
        }
        grid.employees().forEach(employee -> scopes.add("employee:" + employee));
        return List.copyOf(scopes);
    }
}
