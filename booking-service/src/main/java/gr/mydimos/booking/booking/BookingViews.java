package gr.mydimos.booking.booking;

import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.catalogue.Catalogue;
import gr.mydimos.booking.outbox.BookingEvents;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Bookings as the API answers them, with the documents to bring and those the office retrieves itself, from the
 * registry's catalogue (cached): the same for one booking, a list, and the answer to every change. If the catalogue
 * cannot be read the booking is still answered, without documents.
 */
@ApplicationScoped
public class BookingViews {

    @Inject
    Catalogue catalogue;
    @Inject
    BookingConfig config;

    public Uni<BookingView> of(Booking b) {
        return catalogue.require(b.municipalityCode, b.serviceId, b.mode)
                .map(offer -> BookingView.of(b, config.zone(), BookingEvents.documents(offer)))
                .onFailure().recoverWithItem(() -> BookingView.of(b, config.zone(), List.of()));
    }

    public Uni<List<BookingView>> of(List<Booking> bookings) {
        return Multi.createFrom().iterable(bookings).onItem().transformToUniAndConcatenate(this::of).collect().asList();
    }
}
