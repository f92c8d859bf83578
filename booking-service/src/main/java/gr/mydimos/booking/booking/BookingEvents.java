package gr.mydimos.booking.booking;

import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.catalogue.Catalogue;
import gr.mydimos.events.BookingEvent;
import gr.mydimos.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records a booking's change as an event in the outbox, inside the change's transaction (BK-11): it is published
 * only if the change commits, and at least once if it does. Names of the municipality and service travel with the
 * event for the messages; if the registry cannot say them now, the codes stand in rather than the change failing.
 */
@ApplicationScoped
public class BookingEvents {

    private static final Logger LOG = Logger.getLogger(BookingEvents.class);

    @Inject
    Outbox outbox;
    @Inject
    Catalogue catalogue;
    @Inject
    BookingConfig config;
    @Inject
    Clock clock;

    /** Adds the event for the booking's new state to the current transaction. */
    public Uni<Void> record(String type, Booking booking, BookingEvent.Previous previous) {
        return record(type, booking, previous, null);
    }

    public Uni<Void> record(String type, Booking booking, BookingEvent.Previous previous, BookingEvent.Proposal proposal) {
        return catalogue.require(booking.municipalityCode, booking.serviceId, booking.mode)
                .map(offer -> of(type, booking, offer, previous))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Catalogue unavailable for the %s event of %s: %s", type, booking.reference, failure.toString());
                    return of(type, booking, new BookingEvent.Municipality(booking.municipalityCode, null, null),
                            new BookingEvent.Service(booking.serviceId, null, null), List.of(), previous);
                })
                .map(event -> event.withProposal(proposal))
                .flatMap(this::add);
    }

    /** The event of a new or changed booking whose catalogue entry is at hand. */
    public BookingEvent of(String type, Booking booking, Catalogue.Offer offer, BookingEvent.Previous previous) {
        return of(type, booking,
                new BookingEvent.Municipality(offer.municipality().code(), offer.municipality().nameEl(), offer.municipality().nameEn()),
                new BookingEvent.Service(offer.service().id(), offer.service().nameEl(), offer.service().nameEn()),
                offer.service().documents().stream()
                        .map(d -> new BookingEvent.Document(d.nameEl(), d.nameEn(), d.exOfficio())).toList(),
                previous);
    }

    private BookingEvent of(String type, Booking b, BookingEvent.Municipality municipality, BookingEvent.Service service,
                            List<BookingEvent.Document> documents, BookingEvent.Previous previous) {
        ZoneId zone = config.zone();
        return new BookingEvent(UUID.randomUUID(), type, BookingEvent.SCHEMA_VERSION, clock.instant(),
                new BookingEvent.Booking(b.reference, BookingEvent.Status.valueOf(b.status.name()),
                        b.channel == null ? null : BookingEvent.Channel.valueOf(b.channel.name()), municipality, service,
                        b.unitId, b.employeeId, BookingEvent.Mode.valueOf(b.mode.name()),
                        b.startsAt.atZone(zone).toOffsetDateTime(), b.endsAt.atZone(zone).toOffsetDateTime(), b.language,
                        new BookingEvent.Person(b.personFullName, b.personEmail), b.videoLink, b.thirdPartyEmail,
                        b.callLink(b.thirdPartyVideoToken), documents, b.reservationId, b.onBehalfOfOther, b.bookerEmail,
                        b.callRoom()),
                previous, null, BookingEvent.CANCELLED.equals(type) ? b.cancellationReason : null);
    }

    /** The booking as it is now, for the event of a move away from it. */
    public BookingEvent.Previous previous(Booking b) {
        return new BookingEvent.Previous(b.startsAt.atZone(config.zone()).toOffsetDateTime(),
                b.endsAt.atZone(config.zone()).toOffsetDateTime(), b.employeeId, b.reservationId, b.callRoom());
    }

    public Uni<Void> add(BookingEvent event) {
        LOG.infof("Booking %s: %s", event.booking().reference(), event.type());
        return outbox.add(BookingEvent.TOPIC, event.booking().reference(), event.type(), event.eventId(),
                event.occurredAt(), event).replaceWithVoid();
    }

    public static List<BookingView.Document> documents(Catalogue.Offer offer) {
        return offer.service().documents().stream()
                .map(d -> new BookingView.Document(d.nameEl(), d.nameEn(), d.exOfficio())).toList();
    }
}
