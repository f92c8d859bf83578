package gr.mydimos.availability.slot;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.Mode;
import gr.mydimos.availability.catalogue.Catalogue;
import gr.mydimos.problems.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** Public slot search (AV-3): free start times of a service in a mode, in Europe/Athens time. */
@Path("/api/availability/slots")
@PermitAll
public class SlotResource {

    @Schema(description = "A free appointment time, in Athens time.", requiredProperties = {"start", "end"})
    public record Slot(OffsetDateTime start, OffsetDateTime end) {}

    @Inject
    Catalogue catalogue;
    @Inject
    SlotCache search;
    @Inject
    AvailabilityConfig config;
    @Inject
    MeterRegistry metrics;

    /**
     * Clients and proxies may keep an answer but ask again each time (no-cache) with its validator: an unchanged answer
     * is a 304 without a body, and a changed one is never served from their copy.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Free appointment times of a service, in one mode, between two dates")
    @APIResponse(responseCode = "200", description = "OK; `ETag` validates the answer (send it back in `If-None-Match`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Slot.class)))
    @APIResponse(responseCode = "304", description = "The answer is the one whose `ETag` was sent in `If-None-Match`")
    @APIResponse(responseCode = "503", description = "`dependency-unavailable`: the catalogue of services could not be read; try again shortly.")
    public Uni<RestResponse<byte[]>> slots(@QueryParam("municipality") String municipality,
                                           @QueryParam("service") String service, @QueryParam("mode") String mode,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("employee") String employee, @Context Request request) {
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
                .flatMap(offered -> search.search(municipality, offered, first, last, blankToNull(employee)))
                // slot-search latency, by how many days were searched (the portal asks for a day or a month)
                .invoke(found -> searching.stop(metrics.timer("availability.slot.search",
                        "days", ChronoUnit.DAYS.between(first, last) < 7 ? "week" : "longer")))
                .map(found -> {
                    EntityTag tag = tag(found.candidates());
                    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
                    if (unchanged != null) {
                        return RestResponse.ResponseBuilder.<byte[]>notModified().tag(tag).cacheControl(REVALIDATE).build();
                    }
                    // Vary: a proxy keeps the compressed and the plain answer apart (the gateway compresses)
                    return RestResponse.ResponseBuilder.ok(array(found.json())).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                            .tag(tag).cacheControl(REVALIDATE).build();
                });
    }

    /** The free times' JSON, each written once when the search was computed (SlotCache), as one array. */
    private static byte[] array(List<byte[]> elements) {
        int length = 2 + Math.max(0, elements.size() - 1);
        for (byte[] element : elements) {
            length += element.length;
        }
        byte[] array = new byte[length];
        array[0] = '[';
        int at = 1;
        for (byte[] element : elements) {
            if (at > 1) {
                array[at++] = ',';
            }
            System.arraycopy(element, 0, array, at, element.length);
            at += element.length;
        }
        array[at] = ']';
        return array;
    }

    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");

    /** The answer's validator: a digest of the times it lists, so equal answers have equal tags on every instance. */
    private static EntityTag tag(List<SlotGrid.Candidate> slots) {
        long hash = 0xcbf29ce484222325L; // FNV-1a over the start and end seconds
        for (SlotGrid.Candidate slot : slots) {
            for (long seconds : new long[] {slot.start().getEpochSecond(), slot.end().getEpochSecond()}) {
                hash = (hash ^ seconds) * 0x100000001b3L;
            }
        }
        return new EntityTag(Long.toHexString(hash) + "-" + slots.size());
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
