package gr.mydimos.booking.booking;

import gr.mydimos.booking.Mode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking as the portal and the back-office see it. */
@Schema(description = "A booking: what, when, how and for whom; times in Athens time. `documents` lists what to bring"
        + " and what the office obtains itself (`exOfficio`).",
        requiredProperties = {"reference", "status", "channel", "municipality", "service", "mode", "start", "end", "documents"})
public record BookingView(String reference, Booking.Status status, Booking.Channel channel, String municipality,
                          String service, Unit unit, String employee, Mode mode, OffsetDateTime start, OffsetDateTime end,
                          String videoLink, Person person, SpecialRequirements specialRequirements,
                          String businessTaxId, List<Document> documents) {

    public record Unit(String id) {}

    /** taxId: whose booking it is (the citizen's own, or the tax number a clerk entered for a caller), if known. */
    public record Person(String fullName, String email, String phone, String taxId) {}

    public record SpecialRequirements(boolean signLanguage, boolean lipReading, String thirdPartyEmail) {}

    public record Document(String nameEl, String nameEn, boolean exOfficio) {}

    public static BookingView of(Booking b, ZoneId zone, List<Document> documents) {
        return new BookingView(b.reference, b.status, b.channel, b.municipalityCode, b.serviceId, new Unit(b.unitId),
                b.employeeId, b.mode, b.startsAt.atZone(zone).toOffsetDateTime(), b.endsAt.atZone(zone).toOffsetDateTime(),
                b.videoLink, new Person(b.personFullName, b.personEmail, b.personPhone, b.ownerTaxId),
                new SpecialRequirements(b.signLanguage, b.lipReading, b.thirdPartyEmail), b.businessTaxId, documents);
    }
}
