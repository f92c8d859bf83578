package gr.mydimos.booking.booking;

import gr.mydimos.booking.BookingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * At most {@code booking.max-active-per-service} upcoming bookings of one service per person, so that nobody hoards
 * slots. A person is their tax number (a citizen booking for themselves, or the caller whose number a clerk entered);
 * what a citizen books for others counts separately against the same limit. A clerk may exceed it with a reason,
 * which is stored with the booking.
 */
@ApplicationScoped
public class BookingLimits {

    private record Holder(String lockKey, String query, Object id) {}

    @Inject
    BookingConfig config;
    @Inject
    Clock clock;
    @Inject
    PerPersonLimit limit;

    /** Outside a transaction, without the lock: only to tell a refused request which refusal applies. */
    public Uni<Void> check(BookingRequest request, Caller caller, String ownerTaxId) {
        Holder holder = holder(request, caller, ownerTaxId);
        return holder == null ? Uni.createFrom().voidItem()
                : Panache.withSession(() -> refuseIfFull(holder, request, caller));
    }

    /** The binding check, in the booking's transaction, under a lock per person and service. */
    public Uni<Void> lockAndCheck(BookingRequest request, Caller caller, String ownerTaxId) {
        Holder holder = holder(request, caller, ownerTaxId);
        if (holder == null) {
            return Uni.createFrom().voidItem();
        }
        // executed as an update: a native select would add a query plan to Hibernate's cache at every call (see
        // docs/performance.md, "Native queries")
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                        .setParameter("key", holder.lockKey() + ":" + request.service()).executeUpdate())
                .flatMap(locked -> refuseIfFull(holder, request, caller));
    }

    private Holder holder(BookingRequest request, Caller caller, String ownerTaxId) {
        if (ownerTaxId != null) {
            return new Holder("booking-limit:afm:" + ownerTaxId, "ownerTaxId = ?3", ownerTaxId);
        }
        if (caller.isCitizen()) {
            return new Holder("booking-limit:for-others:" + caller.subject(), "createdBy = ?3 and onBehalfOfOther = true",
                    caller.subject());
        }
        return null; // a clerk booking for a caller who gave no tax number: nobody to count against
    }

    private Uni<Void> refuseIfFull(Holder holder, BookingRequest request, Caller caller) {
        return Booking.count("serviceId = ?1 and status = ?2 and " + holder.query() + " and startsAt > ?4",
                        request.service(), Booking.Status.CONFIRMED, holder.id(), clock.instant())
                .invoke(active -> limit.refuseIfFull(active, caller.isClerk(), request.limitOverrideReason()))
                .replaceWithVoid();
    }
}
