package gr.mydimos.notification.message;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A message to a person about a booking, planned with the time it is due and sent by the dispatcher. */
@Entity
public class Message extends PanacheEntityBase {

    public enum Kind {
        CONFIRMATION, REMINDER, RESCHEDULE, CANCELLATION, TRANSFER_PROPOSAL, TRANSFER, INVITATION;

        /** Whether the message carries the appointment as an iCalendar attachment. */
        public boolean hasCalendar() {
            return this != TRANSFER_PROPOSAL;
        }
    }

    public enum Status { PENDING, SENT, FAILED, CANCELLED }

    /** Who a message goes to: the person served, an invited third person, or who booked for the person served. */
    public enum RecipientRole { APPLICANT, THIRD_PARTY, BOOKER }

    @Id
    public UUID id;
    public String bookingReference;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String recipient;
    @Enumerated(EnumType.STRING)
    public RecipientRole recipientRole;
    public String language;
    /** The event that planned the message (docs/events.md), kept as JSON so it can be rendered when sent. */
    public String event;
    public Instant appointmentStart;
    public Instant appointmentEnd;
    /** Version of the booking's calendar entry this message carries (iCalendar SEQUENCE). */
    public int calendarSequence;
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** When the dispatcher next tries: the due time, later after failed attempts. */
    public Instant nextAttemptAt;
    public int attempts;
    public String lastError;
    public String cancelledBecause;
    public Instant sentAt;
    public Instant createdAt;
}
