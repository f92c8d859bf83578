package gr.mydimos.notification.message;

import gr.mydimos.events.BookingEvent;
import gr.mydimos.notification.NotificationConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides which messages a booking event calls for (NT-1..3) and writes them as PENDING rows in the caller's
 * transaction; the dispatcher sends them when due. A change of time or a cancellation first withdraws what is still
 * pending about the booking as it was, so no reminder or notice is sent for a time the booking no longer has.
 */
@ApplicationScoped
public class Planner {

    private static final String WITHDRAW_REMINDERS = """
            UPDATE message SET status = 'CANCELLED', cancelled_because = :because
            WHERE booking_reference = :reference AND status = 'PENDING' AND kind = 'REMINDER'""";
    /** A change supersedes every message still pending about the booking as it was (a notice held up by retries). */
    private static final String WITHDRAW_ALL = """
            UPDATE message SET status = 'CANCELLED',
                cancelled_because = CASE WHEN kind = 'REMINDER' THEN :because ELSE 'superseded by a later change' END
            WHERE booking_reference = :reference AND status = 'PENDING'""";
    /** In HQL: a native select adds a query plan to Hibernate's cache at every call (docs/performance.md). */
    private static final String NEXT_SEQUENCE =
            "SELECT COALESCE(MAX(calendarSequence) + 1, 0) FROM Message WHERE bookingReference = :reference";
    private static final String CURRENT_SEQUENCE =
            "SELECT COALESCE(MAX(calendarSequence), 0) FROM Message WHERE bookingReference = :reference";

    @Inject
    NotificationConfig config;

    /** Plans the messages of one event, which is stored with them as {@code eventJson} to render them later. */
    public Uni<Void> plan(BookingEvent event, String eventJson, Instant now) {
        String reference = event.booking().reference();
        return switch (event.type()) {
            // a booking's first event: its calendar entry's first version (events of one booking arrive in order)
            case BookingEvent.CONFIRMED -> persist(newTime(new Draft(event, eventJson, 0, now), Message.Kind.CONFIRMATION));
            case BookingEvent.RESCHEDULED, BookingEvent.TRANSFERRED -> withdraw(WITHDRAW_ALL, reference, "moved to another time")
                    .flatMap(ignored -> sequence(NEXT_SEQUENCE, reference))
                    .flatMap(seq -> persist(newTime(new Draft(event, eventJson, seq, now),
                            BookingEvent.RESCHEDULED.equals(event.type()) ? Message.Kind.RESCHEDULE : Message.Kind.TRANSFER)));
            case BookingEvent.CANCELLED -> withdraw(WITHDRAW_ALL, reference, "booking cancelled")
                    .flatMap(ignored -> sequence(NEXT_SEQUENCE, reference))
                    .flatMap(seq -> persist(cancellation(new Draft(event, eventJson, seq, now))));
            case BookingEvent.TRANSFER_PROPOSED -> sequence(CURRENT_SEQUENCE, reference)
                    .flatMap(seq -> persist(toApplicant(new Draft(event, eventJson, seq, now),
                            Message.Kind.TRANSFER_PROPOSAL, now)));
            case BookingEvent.CHECKED_IN, BookingEvent.COMPLETED, BookingEvent.NO_SHOW ->
                    withdraw(WITHDRAW_REMINDERS, reference, "appointment already attended to");
            default -> Uni.createFrom().voidItem(); // transfer expiry, release requests: nothing to tell anyone
        };
    }

    /** One event being planned: its JSON, the calendar version its messages carry, and when it is handled. */
    private record Draft(BookingEvent event, String json, int sequence, Instant now) {}

    /** A booking at a (new) time: the notice, an invitation for an invited third person, and the reminders. */
    private List<Message> newTime(Draft draft, Message.Kind kind) {
        List<Message> messages = new ArrayList<>(toApplicant(draft, kind, draft.now()));
        messages.addAll(toBooker(draft, kind));
        messages.addAll(toThirdParty(draft, Message.Kind.INVITATION));
        Instant start = draft.event().booking().start().toInstant();
        for (Duration before : config.reminders()) {
            Instant due = start.minus(before);
            if (due.isAfter(draft.now())) { // an offset already past when the booking is made is skipped
                messages.addAll(toApplicant(draft, Message.Kind.REMINDER, due));
            }
        }
        return messages;
    }

    /** The applicant is told, and an invited person's calendar entry is withdrawn too. */
    private List<Message> cancellation(Draft draft) {
        List<Message> messages = new ArrayList<>(toApplicant(draft, Message.Kind.CANCELLATION, draft.now()));
        messages.addAll(toBooker(draft, Message.Kind.CANCELLATION));
        messages.addAll(toThirdParty(draft, Message.Kind.CANCELLATION));
        return messages;
    }

    private static List<Message> toThirdParty(Draft draft, Message.Kind kind) {
        BookingEvent.Booking booking = draft.event().booking();
        if (booking.mode() != BookingEvent.Mode.VIDEO || isBlank(booking.thirdPartyEmail())) {
            return List.of();
        }
        return List.of(newMessage(draft, kind, draft.now(), booking.thirdPartyEmail(), Message.RecipientRole.THIRD_PARTY));
    }

    /** A copy for whoever booked for the person served (seed 004 Art.2§2); reminders go to the person only. */
    private static List<Message> toBooker(Draft draft, Message.Kind kind) {
        BookingEvent.Booking booking = draft.event().booking();
        if (!booking.onBehalfOfOther() || isBlank(booking.bookerEmail())) {
            return List.of();
        }
        return List.of(newMessage(draft, kind, draft.now(), booking.bookerEmail(), Message.RecipientRole.BOOKER));
    }

    /** A message to the applicant, or none when the booking has no e-mail address (a phone booking may not). */
    private static List<Message> toApplicant(Draft draft, Message.Kind kind, Instant due) {
        BookingEvent.Person person = draft.event().booking().person();
        if (person == null || isBlank(person.email())) {
            return List.of();
        }
        return List.of(newMessage(draft, kind, due, person.email(), Message.RecipientRole.APPLICANT));
    }

    private static Message newMessage(Draft draft, Message.Kind kind, Instant due, String recipient,
                                      Message.RecipientRole role) {
        BookingEvent.Booking booking = draft.event().booking();
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.bookingReference = booking.reference();
        message.kind = kind;
        message.recipient = recipient;
        message.recipientRole = role;
        message.language = "en".equals(booking.language()) ? "en" : "el";
        message.event = draft.json();
        message.appointmentStart = booking.start().toInstant();
        message.appointmentEnd = booking.end().toInstant();
        message.calendarSequence = draft.sequence();
        message.dueAt = due;
        message.nextAttemptAt = due;
        message.status = Message.Status.PENDING;
        message.createdAt = draft.now();
        return message;
    }

    private static Uni<Void> persist(List<Message> messages) {
        return messages.isEmpty() ? Uni.createFrom().voidItem() : Message.persist(messages);
    }

    private static Uni<Void> withdraw(String sql, String reference, String because) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql)
                .setParameter("reference", reference).setParameter("because", because).executeUpdate())
                .replaceWithVoid();
    }

    private static Uni<Integer> sequence(String sql, String reference) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(sql, Integer.class)
                .setParameter("reference", reference).getSingleResult());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
