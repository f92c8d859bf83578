package gr.mydimos.booking.call;

import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.Mode;
import gr.mydimos.booking.Problems;
import gr.mydimos.booking.ShortDigest;
import gr.mydimos.booking.availability.Availability;
import gr.mydimos.booking.booking.Booking;
import gr.mydimos.booking.booking.BookingEvents;
import gr.mydimos.booking.booking.BookingService;
import gr.mydimos.booking.booking.BookingView;
import gr.mydimos.booking.booking.BookingViews;
import gr.mydimos.booking.booking.Caller;
import gr.mydimos.calls.CallTicket;
import gr.mydimos.calls.CallTickets;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.StaleObjectStateException;

/**
 * Who may enter a booking's video call, and when (VC-1): the applicant, an invited third person and an interpreter each
 * by their own link, the employee assigned to the booking signed in; only while its {@link CallWindow} is open. An
 * admission is a short-lived ticket that the video-call service checks; the room is the booking at its current time.
 * The identity check on camera (VC-2) is recorded here, on the booking, as an outcome.
 */
@ApplicationScoped
public class CallAdmissions {

    /** Links carry 32 random bytes, base64url: anything else is no link of ours. */
    private static final Pattern LINK = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    BookingConfig config;
    @Inject
    Clock clock;
    @Inject
    BookingEvents events;
    @Inject
    BookingViews views;
    @Inject
    Availability availability;

    private volatile CallTickets tickets;

    /**
     * room: the call's room; role: who the ticket holder is in it; ticket: presented to the video-call service within
     * a couple of minutes; reference: the booking's, for the applicant and the employee (an invited person gets none).
     */
    @Schema(name = "CallAdmission", requiredProperties = {"room", "role", "ticket", "start", "end", "closesAt", "municipality", "service"})
    public record Admission(String room, CallTicket.Role role, String ticket, OffsetDateTime start, OffsetDateTime end,
                            OffsetDateTime closesAt, String municipality, String service, String reference) {}

    /** Whoever holds a link: the applicant's, a third person's or an interpreter's. */
    public Uni<Admission> byLink(String link) {
        if (link == null || !LINK.matcher(link).matches()) {
            return Uni.createFrom().failure(unknownLink());
        }
        return Panache.withSession(() -> Booking.<Booking>find(
                        "videoToken = ?1 or thirdPartyVideoToken = ?1 or interpreterVideoToken = ?1", link).firstResult())
                .map(b -> {
                    if (b == null) {
                        throw unknownLink();
                    }
                    CallTicket.Role role = link.equals(b.videoToken) ? CallTicket.Role.APPLICANT
                            : link.equals(b.thirdPartyVideoToken) ? CallTicket.Role.THIRD_PARTY : CallTicket.Role.INTERPRETER;
                    return admit(b, role, link);
                });
    }

    /** The employee the booking is assigned to, signed in. */
    public Uni<Admission> employee(String reference, Caller caller) {
        return BookingService.visible(reference, caller).map(b -> {
            requireCallOf(b, caller);
            return admit(b, CallTicket.Role.EMPLOYEE, caller.subject());
        });
    }

    /**
     * The employee in the call records what was shown on camera (seed 004 Art.3§1): the identity document, and for
     * someone acting for another person or a business the authorisation. The person has arrived: a confirmed booking
     * is checked in, so that the employee can then mark it completed.
     */
    public Uni<BookingView> identityChecked(String reference, boolean documentShown, Boolean authorisationShown, Caller caller) {
        return BookingService.visible(reference, caller).flatMap(read -> {
            requireCallOf(read, caller);
            window(read).requireOpen(read.status, clock.instant(), config.zone());
            return Panache.withTransaction(() -> Booking.<Booking>findById(read.id).flatMap(b -> {
                        if (b.version != read.version) {
                            throw Problems.changedMeanwhile();
                        }
                        Instant now = clock.instant();
                        String event = b.identityChecked(documentShown, authorisationShown, now, caller.subject());
                        if (event == null) {
                            return Uni.createFrom().item(b);
                        }
                        b.changedBy(caller.subject(), now, null);
                        return events.record(event, b, null).replaceWith(b);
                    }))
                    .onFailure(StaleObjectStateException.class).transform(stale -> Problems.changedMeanwhile())
                    .flatMap(views::of);
        });
    }

    /**
     * The municipality's admin names a colleague of the booking's unit to take its video call in place of the
     * employee it is assigned to (someone ill, say), or takes the naming back (employee null). The booking stays the
     * same for the applicant: same time, same link.
     */
    public Uni<BookingView> nameStandIn(String reference, String employee, Caller caller) {
        if (!caller.isMunicipalAdmin()) {
            throw Problems.forbidden("reference", "Συνάδελφο για την τηλεδιάσκεψη ορίζει η διοίκηση του δήμου.",
                    "The municipality's admin names a colleague for the call.");
        }
        return BookingService.visible(reference, caller).flatMap(read -> {
            if (read.mode != Mode.VIDEO) {
                throw Problems.statusConflict("Το ραντεβού δεν είναι με τηλεδιάσκεψη.", "The booking is not a video call.");
            }
            if (read.status != Booking.Status.CONFIRMED && read.status != Booking.Status.CHECKED_IN) {
                throw read.status.conflict();
            }
            Uni<Boolean> serves = employee == null ? Uni.createFrom().item(true)
                    : availability.servesIn(read.municipalityCode, read.unitId, employee);
            return serves.flatMap(ok -> {
                if (!ok) {
                    throw Problem.invalidField("employee", "δεν είναι ενεργός υπάλληλος του τμήματος του ραντεβού",
                            "is not an active employee of the booking's unit");
                }
                return Panache.withTransaction(() -> Booking.<Booking>findById(read.id).invoke(b -> {
                    if (b.version != read.version) {
                        throw Problems.changedMeanwhile();
                    }
                    b.callStandIn = employee;
                }));
            });
        }).onFailure(StaleObjectStateException.class).transform(stale -> Problems.changedMeanwhile()).flatMap(views::of);
    }

    /** who: the link entered by, or the employee's account; the same person is the same participant of the room. */
    private Admission admit(Booking b, CallTicket.Role role, String who) {
        CallWindow window = window(b);
        Instant now = clock.instant();
        window.requireOpen(b.status, now, config.zone());
        String room = b.callRoom();
        String ticket = tickets().sign(new CallTicket(room, role, ShortDigest.of(room + "/" + role + "/" + who), window.closesAt(),
                now.plus(config.call().ticketValidFor())));
        boolean named = role == CallTicket.Role.APPLICANT || role == CallTicket.Role.EMPLOYEE;
        return new Admission(room, role, ticket, b.startsAt.atZone(config.zone()).toOffsetDateTime(),
                b.endsAt.atZone(config.zone()).toOffsetDateTime(), window.closesAt().atZone(config.zone()).toOffsetDateTime(),
                b.municipalityCode, b.serviceId, named ? b.reference : null);
    }

    private CallWindow window(Booking b) {
        return CallWindow.of(b, config.call().opensBefore(), config.call().closesAfter());
    }

    private static void requireCallOf(Booking b, Caller caller) {
        if (b.mode != Mode.VIDEO) {
            throw Problems.statusConflict("Το ραντεβού δεν είναι με τηλεδιάσκεψη.", "The booking is not a video call.");
        }
        if (!caller.takesCallOf(b)) {
            throw Problems.forbidden("reference", "Στην τηλεδιάσκεψη μπαίνει ο υπάλληλος που έχει αναλάβει το ραντεβού ή ο συνάδελφος που όρισε η διοίκηση.",
                    "The video call is entered by the employee the booking is assigned to, or the colleague the admin named.");
        }
    }

    private static Problem unknownLink() {
        return Problem.of(ProblemType.NOT_FOUND).detail("Ο σύνδεσμος δεν αντιστοιχεί σε τηλεδιάσκεψη.",
                "The link is not one of a video call.").with("field", "link").build();
    }

    private CallTickets tickets() {
        if (tickets == null) {
            tickets = new CallTickets(config.call().ticketSecret());
        }
        return tickets;
    }
}
