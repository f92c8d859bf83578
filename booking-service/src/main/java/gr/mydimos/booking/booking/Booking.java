package gr.mydimos.booking.booking;

import gr.mydimos.booking.Mode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An appointment of a person with a municipality, served by one employee at one time. */
@Entity
public class Booking extends PanacheEntityBase {

    public enum Status { CONFIRMED, CANCELLED, CHECKED_IN, COMPLETED, NO_SHOW }

    /** Where the booking came from (BK-1). */
    public enum Channel { ONLINE, PHONE, COUNTER }

    @Id
    public UUID id;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "municipality_code")
    public String municipalityCode;
    @Column(name = "service_id")
    public String serviceId;
    @Column(name = "unit_id")
    public String unitId;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    @Column(name = "employee_id")
    public String employeeId;
    @Column(name = "reservation_id")
    public UUID reservationId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "person_full_name")
    public String personFullName;
    @Column(name = "person_email")
    public String personEmail;
    @Column(name = "person_phone")
    public String personPhone;
    @Column(name = "on_behalf_of_other")
    public boolean onBehalfOfOther;
    @Column(name = "sign_language")
    public boolean signLanguage;
    @Column(name = "lip_reading")
    public boolean lipReading;
    @Column(name = "third_party_email")
    public String thirdPartyEmail;
    public String language;
    @Column(name = "video_link")
    public String videoLink;
    @Column(name = "declaration_version")
    public String declarationVersion;
    @Column(name = "declaration_accepted_at")
    public Instant declarationAcceptedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_by_realm")
    public String createdByRealm;
    @Column(name = "owner_tax_id")
    public String ownerTaxId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public int version;
}
