package gr.mydimos.booking.booking;

import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.catalogue.Catalogue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bookings as the API answers them, with the documents to bring and those the office retrieves itself, from the
 * registry's catalogue (cached), and the new time the municipality proposes if an answer is awaited: the same for one
 * booking, a list, and the answer to every change. If the catalogue cannot be read the booking is still answered,
 * without documents.
 */
@ApplicationScoped
public class BookingViews {

    @Inject
    Catalogue catalogue;
    @Inject
    BookingConfig config;
    @Inject
    Clock clock;

    public Uni<BookingView> of(Booking b) {
        return of(List.of(b)).map(views -> views.get(0));
    }

    /** The views of the bookings, with the open transfer proposal of each (one query for all). */
    public Uni<List<BookingView>> of(List<Booking> bookings) {
        if (bookings.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = bookings.stream().map(b -> b.id).toList();
        return Panache.withSession(() -> Transfer.<Transfer>find("bookingId in ?1 and status = ?2 and expiresAt > ?3", ids,
                        Transfer.Status.PROPOSED, clock.instant()).list())
                .map(open -> open.stream().collect(Collectors.toMap(t -> t.bookingId, t -> t, (a, b) -> a)))
                .flatMap(proposals -> Multi.createFrom().iterable(bookings)
                        .onItem().transformToUniAndConcatenate(b -> view(b, proposals.get(b.id)))
                        .collect().asList());
    }

    private Uni<BookingView> view(Booking b, Transfer proposed) {
        return catalogue.require(b.municipalityCode, b.serviceId, b.mode)
                .map(offer -> BookingView.of(b, config.zone(), BookingEvents.documents(offer), config.changeCutOff(), proposed))
                .onFailure().recoverWithItem(() -> BookingView.of(b, config.zone(), List.of(), config.changeCutOff(), proposed));
    }
}
