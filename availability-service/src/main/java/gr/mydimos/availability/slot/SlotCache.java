package gr.mydimos.availability.slot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.catalogue.Catalogue.OfferedService;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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

    /**
     * A computed search, each of its times as the JSON of the answer (written once, not for every request: a 60-day
     * search lists hundreds), what it read and their generations' sum when it read them.
     */
    record Kept(SlotSearch.Grid grid, byte[][] json, List<String> scopes, long generation) {

        /** The times bookable at that moment (the booking window moves on with the clock), and their JSON. */
        Found at(Instant now) {
            Predicate<SlotGrid.Candidate> bookable = grid.bookableAt(now);
            List<SlotGrid.Candidate> candidates = new ArrayList<>();
            List<byte[]> chosen = new ArrayList<>();
            for (int i = 0; i < json.length; i++) {
                SlotGrid.Candidate candidate = grid.all().get(i);
                if (bookable.test(candidate)) {
                    candidates.add(candidate);
                    chosen.add(json[i]);
                }
            }
            return new Found(candidates, chosen);
        }
    }

    /** The answer to a search: the free times, and each one's JSON. */
    public record Found(List<SlotGrid.Candidate> candidates, List<byte[]> json) {}

    /** A search being computed, and when its computation began (before its snapshot of the data). */
    private record Computation(long startedAt, CompletableFuture<Kept> kept) {}

    /**
     * Searches under way, so that many people asking the same search at once (a municipality's first free times on a
     * launch day) wait for one computation instead of each running their own.
     */
    private final ConcurrentMap<Key, Computation> computing = new ConcurrentHashMap<>();

    @Inject
    SlotSearch search;
    @Inject
    Pool database;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    AvailabilityConfig config;
    @CacheName("slot-searches")
    Cache cache;

    /** The free times bookable now, as the search would compute them now. */
    public Uni<Found> search(String municipality, OfferedService service, LocalDate from, LocalDate to,
                                         String employee) {
        long askedAt = System.nanoTime();
        Key key = new Key(municipality, service, from, to, employee);
        CompletableFuture<Kept> cached = cache.as(CaffeineCache.class).getIfPresent(key);
        Kept kept = cached == null ? null : cached.getNow(null);
        if (kept == null) {
            return compute(key, askedAt);
        }
        return current(kept).flatMap(current -> current ? Uni.createFrom().item(kept.at(clock.instant()))
                : compute(key, askedAt));
    }

    /** Whether nothing the search read has changed since (one small query). */
    private Uni<Boolean> current(Kept kept) {
        return database.preparedQuery(GENERATION + "= ANY($1)").execute(Tuple.of(kept.scopes().toArray(String[]::new)))
                .map(rows -> rows.iterator().next().getLong(0) == kept.generation());
    }

    /**
     * Computes the search, or waits for the same search under way. One that began before this search was asked may
     * not show a change committed in between: its answer is taken only if nothing it read has changed since; if
     * something has, the search is computed again.
     */
    private Uni<Found> compute(Key key, long askedAt) {
        Computation mine = new Computation(System.nanoTime(), new CompletableFuture<>());
        Computation running = computing.putIfAbsent(key, mine);
        if (running == null) {
            return computeKept(key)
                    .onTermination().invoke((kept, failure, cancelled) -> {
                        computing.remove(key, mine);
                        if (cancelled) {
                            mine.kept().completeExceptionally(new CancellationException("the search was no longer awaited"));
                        } else if (failure != null) {
                            mine.kept().completeExceptionally(failure);
                        } else {
                            mine.kept().complete(kept);
                        }
                    })
                    .map(kept -> kept.at(clock.instant()));
        }
        Context caller = Vertx.currentContext();
        // a copy: one who stops waiting (a closed connection cancels the wait) does not cancel it for the others
        Uni<Kept> awaited = Uni.createFrom().completionStage(() -> running.kept().copy());
        if (caller != null) { // go on where this search was asked, not where the other one was computed
            awaited = awaited.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        }
        Uni<Found> answer = running.startedAt() - askedAt >= 0
                ? awaited.map(kept -> kept.at(clock.instant()))
                : awaited.flatMap(kept -> current(kept).flatMap(current -> current
                        ? Uni.createFrom().item(kept.at(clock.instant())) : compute(key, askedAt)));
        // the one computing it stopped waiting (and took it off the map): compute it anew
        return answer.onFailure(SlotCache::cancelled).recoverWithUni(() -> compute(key, askedAt));
    }

    private static boolean cancelled(Throwable failure) {
        return failure instanceof CancellationException || failure.getCause() instanceof CancellationException;
    }

    /**
     * Searches and reads the generations in one snapshot, so that a change committed meanwhile is in neither: the
     * answer is filed under generations no newer than its data.
     */
    private Uni<Kept> computeKept(Key key) {
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
                                    .map(generation -> new Kept(grid, json(grid), scopes, generation));
                        }))
                .invoke(kept -> cache.as(CaffeineCache.class).put(key, CompletableFuture.completedFuture(kept)));
    }

    /** Each time as the answer lists it, in Athens time, written by the same mapper as any other answer. */
    private byte[][] json(SlotSearch.Grid grid) {
        byte[][] json = new byte[grid.all().size()][];
        try {
            for (int i = 0; i < json.length; i++) {
                SlotGrid.Candidate c = grid.all().get(i);
                json[i] = mapper.writeValueAsBytes(new SlotResource.Slot(c.start().atZone(config.zone()).toOffsetDateTime(),
                        c.end().atZone(config.zone()).toOffsetDateTime()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a free time as JSON", e);
        }
        return json;
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
