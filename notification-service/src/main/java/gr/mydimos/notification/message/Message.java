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

    public enum Kind { CONFIRMATION }

    public enum Status { PENDING, SENT, FAILED, CANCELLED }

    @Id
    public UUID id;
    public String bookingReference;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String recipient;
    public String language;
    /** The booking as its event carried it, kept as JSON so the message can be rendered when it is sent. */
    public String booking;
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** When the dispatcher next tries: the due time, later after failed attempts. */
    public Instant nextAttemptAt;
    public int attempts;
    public String lastError;
    public Instant sentAt;
    public Instant createdAt;
}
