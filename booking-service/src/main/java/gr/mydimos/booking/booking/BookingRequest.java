package gr.mydimos.booking.booking;

import gr.mydimos.booking.Mode;
import gr.mydimos.identifiers.ValidTaxNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/bookings (API.md). */
@Schema(description = "A new booking. A citizen books for themselves or, with `onBehalfOfOther`, for another person, who"
        + " must then attend; a clerk books for a caller with `channel` PHONE or COUNTER. `start` is one of the free"
        + " times of GET /api/availability/slots.")
public record BookingRequest(
        @NotBlank @Size(max = 40) String municipality,
        @NotBlank @Size(max = 100) String service,
        @NotNull Mode mode,
        @NotNull OffsetDateTime start,
        @Size(max = 100) String employee,
        @NotNull @Valid Person person,
        boolean onBehalfOfOther,
        @Valid SpecialRequirements specialRequirements,
        @NotNull @AssertTrue(message = "{mydimos.declaration-accepted}") Boolean declarationAccepted,
        @Pattern(regexp = "el|en", message = "{mydimos.language}") String language,
        Booking.Channel channel,
        @Size(max = 500) String limitOverrideReason) {

    /**
     * The person who will attend (BK-2). A clerk may enter the caller's tax number: the booking then appears among
     * that citizen's own and counts towards their limit.
     */
    public record Person(
            @NotBlank @Size(max = 200) String fullName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 32) String phone,
            @ValidTaxNumber String taxId) {}

    /** Accessibility and third-person needs (BK-2), shown to the clerk. */
    public record SpecialRequirements(boolean signLanguage, boolean lipReading,
                                      @Email @Size(max = 254) String thirdPartyEmail) {}

    public SpecialRequirements requirements() {
        return specialRequirements == null ? new SpecialRequirements(false, false, null) : specialRequirements;
    }
}
