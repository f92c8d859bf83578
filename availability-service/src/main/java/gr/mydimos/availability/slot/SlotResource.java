package gr.mydimos.availability.slot;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.Mode;
import gr.mydimos.availability.catalogue.Catalogue;
import gr.mydimos.problems.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Public slot search (AV-3): free start times of a service in a mode, in Europe/Athens time. */
@Path("/api/availability/slots")
@PermitAll
public class SlotResource {

    @Schema(description = "A free appointment time, in Athens time.", requiredProperties = {"start", "end"})
    public record Slot(OffsetDateTime start, OffsetDateTime end) {}

    @Inject
    Catalogue catalogue;
    @Inject
    SlotSearch search;
    @Inject
    AvailabilityConfig config;
    @Inject
    MeterRegistry metrics;

    @GET
    @WithSession
    @Operation(summary = "Free appointment times of a service, in one mode, between two dates")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`: the catalogue of services could not be read; try again shortly.")
    public Uni<List<Slot>> slots(@QueryParam("municipality") String municipality, @QueryParam("service") String service,
                                 @QueryParam("mode") String mode, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("employee") String employee) {
        required("municipality", municipality);
        required("service", service);
        Mode parsedMode = mode(mode);
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw Problem.invalidField("to", "δεν μπορεί να είναι πριν από την αρχή (from)", "must not be before 'from'");
        }
        if (ChronoUnit.DAYS.between(first, last) >= config.maxSearchDays()) {
            throw Problem.invalidField("to", "μια αναζήτηση καλύπτει έως " + config.maxSearchDays() + " ημέρες",
                    "a search covers at most " + config.maxSearchDays() + " days");
        }
        Timer.Sample searching = Timer.start(metrics);
        return catalogue.require(municipality, service, parsedMode)
                .flatMap(offered -> search.candidates(municipality, offered, first, last, blankToNull(employee)))
                // slot-search latency, by how many days were searched (the portal asks for a day or a month)
                .invoke(result -> searching.stop(metrics.timer("availability.slot.search",
                        "days", ChronoUnit.DAYS.between(first, last) < 7 ? "week" : "longer")))
                .map(result -> result.candidates().stream()
                        .map(c -> new Slot(c.start().atZone(config.zone()).toOffsetDateTime(),
                                c.end().atZone(config.zone()).toOffsetDateTime()))
                        .toList());
    }

    static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.invalidField(field, "είναι υποχρεωτικό", "is required");
        }
    }

    static Mode mode(String value) {
        required("mode", value);
        try {
            return Mode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw Problem.invalidField("mode", "πρέπει να είναι IN_PERSON, PHONE ή VIDEO", "must be one of IN_PERSON, PHONE, VIDEO");
        }
    }

    private static LocalDate date(String field, String value) {
        required(field, value);
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) { // ISO also reads years like +999999999, beyond any calendar here
            throw Problem.invalidField(field, "πρέπει να είναι ημερομηνία της μορφής ΕΕΕΕ-ΜΜ-ΗΗ (YYYY-MM-DD)",
                    "must be a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.invalidField(field, "πρέπει να είναι ημερομηνία της μορφής ΕΕΕΕ-ΜΜ-ΗΗ (YYYY-MM-DD)",
                    "must be a date YYYY-MM-DD");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
