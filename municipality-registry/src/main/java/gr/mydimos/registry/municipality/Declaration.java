package gr.mydimos.registry.municipality;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a municipality declares when it asks to join (REG-2, seed 004 Art. 6 §2): its subjects, working hours, the
 * duration of each mode, the modes it offers and whether a third person may join video calls.
 */
public record Declaration(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{2,40}", message = "{mydimos.code}") String code,
        @NotBlank @Size(max = 200) String nameEl,
        @NotBlank @Size(max = 200) String nameEn,
        @Size(max = 300) String address,
        @Size(max = 10) List<@Pattern(regexp = "\\+?[0-9 ]{5,20}") String> phones,
        @Email @Size(max = 254) String email,
        @NotEmpty(message = "{mydimos.at-least-one-mode}") List<@NotNull Mode> modes,
        boolean thirdPartyVideoAllowed,
        @NotEmpty(message = "{mydimos.at-least-one-unit}") @Size(max = 50) List<@Valid @NotNull Unit> units,
        @NotEmpty(message = "{mydimos.at-least-one-service}") @Size(max = 500) List<@Valid @NotNull Service> services) {

    public enum Mode {
        IN_PERSON("με φυσική παρουσία", "in person"), PHONE("τηλεφωνικά", "by phone"), VIDEO("με τηλεδιάσκεψη", "by video call");

        /** How a person reads the way, in Greek and English. */
        public final String el;
        public final String en;

        Mode(String el, String en) {
            this.el = el;
            this.en = en;
        }
    }

    public record Unit(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{2,80}", message = "{mydimos.code}") String id,
            @NotBlank @Size(max = 200) String nameEl,
            @NotBlank @Size(max = 200) String nameEn,
            @Size(max = 300) String address,
            @Size(max = 10) List<@Pattern(regexp = "\\+?[0-9 ]{5,20}") String> phones,
            @Email @Size(max = 254) String email,
            @NotEmpty(message = "{mydimos.at-least-one-period}") List<@Valid @NotNull Hours> hours) {}

    /** One opening period on a weekday (1 = Monday … 7 = Sunday), local time. */
    public record Hours(@Min(1) @Max(7) int day,
                        @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "{mydimos.time-of-day}") String opens,
                        @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "{mydimos.time-of-day}") String closes) {}

    public record Service(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{2,100}", message = "{mydimos.code}") String id,
            @NotBlank String unitId,
            @NotBlank @Size(max = 300) String nameEl,
            @NotBlank @Size(max = 300) String nameEn,
            @NotEmpty(message = "{mydimos.at-least-one-mode}") List<@Valid @NotNull ModeDuration> modes,
            @PositiveOrZero @Max(120) int bufferMinutes,
            @Size(max = 50) List<@Valid @NotNull Document> documents,
            @Size(max = 20) List<@Valid @NotNull Fee> fees) {}

    public record ModeDuration(@NotNull Mode mode, @Min(value = 1, message = "{mydimos.at-least-one-minute}") @Max(480) int durationMinutes) {}

    /** certificate: the Citizen Registry certificate that is this document; the office then retrieves it itself. */
    public record Document(@NotBlank String nameEl, @NotBlank String nameEn, boolean exOfficio,
                           gr.mydimos.registry.certificates.Certificate.Type certificate) {}

    public record Fee(@NotBlank String descriptionEl, @NotBlank String descriptionEn,
                      @NotNull @PositiveOrZero BigDecimal amountEuro) {}
}
