package gr.mydimos.booking.privacy;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.booking.Booking;
import gr.mydimos.booking.booking.Caller;
import gr.mydimos.booking.booking.Transfer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * everything booking-service holds about the signed-in person — their bookings (made by them or for them with
 * their tax number) with the declaration they accepted and every transfer proposed and answered — as one download.
 */
@Path("/api/bookings/my-data")
@RolesAllowed({"citizen", "business-rep"})
public class MyDataResource {

    /** decidedVia: how the answer was given, online or to a clerk (PHONE, COUNTER). */
    public record TransferRecord(Transfer.Status status, OffsetDateTime start, OffsetDateTime end, String reason,
                                 OffsetDateTime proposedAt, OffsetDateTime expiresAt, OffsetDateTime decidedAt,
                                 Booking.Channel decidedVia) {}

    public record BookingRecord(String reference, Booking.Status status, Booking.Channel channel, String municipality,
                                String service, String unit, String employee, String mode, OffsetDateTime start,
                                OffsetDateTime end, String fullName, String email, String phone, boolean onBehalfOfOther,
                                boolean signLanguage, boolean lipReading, String thirdPartyEmail, String language,
                                String videoLink, String declarationVersion, OffsetDateTime declarationAcceptedAt,
                                OffsetDateTime createdAt, boolean createdByYou, String limitOverrideReason,
                                OffsetDateTime statusChangedAt, OffsetDateTime anonymisedAt, String businessTaxId,
                                List<TransferRecord> transfers) {}

    public record MyData(String taxId, OffsetDateTime generatedAt, List<BookingRecord> bookings) {}

    @Inject
    SecurityIdentity identity;
    @Inject
    ActingMunicipality acting;
    @Inject
    BookingConfig config;
    @Inject
    Clock clock;

    @GET
    @WithSession
    @Operation(summary = "Everything the platform holds about the signed-in person (GDPR access)")
    public Uni<RestResponse<MyData>> download() {
        Caller caller = Caller.of(identity, acting);
        Uni<List<Booking>> bookings = caller.taxId() != null
                ? Booking.list("ownerTaxId = ?1 or createdBy = ?2 order by startsAt", caller.taxId(), caller.subject())
                : Booking.list("createdBy = ?1 order by startsAt", caller.subject());
        return bookings.flatMap(list -> (list.isEmpty() ? Uni.createFrom().item(List.<Transfer>of())
                                : Transfer.<Transfer>list("bookingId in ?1 order by proposedAt", list.stream().map(b -> b.id).toList()))
                        .map(transfers -> transfers.stream().collect(Collectors.groupingBy(t -> t.bookingId)))
                        .map(byBooking -> new MyData(caller.taxId(), at(clock.instant()),
                                list.stream().map(b -> record(b, caller, byBooking)).toList())))
                .map(data -> RestResponse.ResponseBuilder.ok(data)
                        .header("Content-Disposition", "attachment; filename=\"my-bookings.json\"").build());
    }

    private BookingRecord record(Booking b, Caller caller, Map<java.util.UUID, List<Transfer>> transfers) {
        return new BookingRecord(b.reference, b.status, b.channel, b.municipalityCode, b.serviceId, b.unitId, b.employeeId,
                b.mode.name(), at(b.startsAt), at(b.endsAt), b.personFullName, b.personEmail, b.personPhone,
                b.onBehalfOfOther, b.signLanguage, b.lipReading, b.thirdPartyEmail, b.language, b.videoLink,
                b.declarationVersion, at(b.declarationAcceptedAt), at(b.createdAt), caller.subject().equals(b.createdBy),
                b.limitOverrideReason, at(b.statusChangedAt), at(b.anonymisedAt), b.businessTaxId,
                transfers.getOrDefault(b.id, List.of()).stream().map(t -> new TransferRecord(t.status, at(t.startsAt),
                        at(t.endsAt), t.reason, at(t.proposedAt), at(t.expiresAt), at(t.decidedAt), t.decidedVia)).toList());
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(config.zone()).toOffsetDateTime();
    }
}
