package gr.mydimos.booking.stats;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.Problems;
import gr.mydimos.booking.booking.Caller;
import gr.mydimos.problems.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * BK-9: counts of bookings by municipality, unit, service, mode, status and day (of the appointment, in Athens) for a
 * date range. A municipal admin sees their own municipality; a central admin all, or one.
 */
@Path("/api/bookings/stats")
@RolesAllowed({"municipal-admin", "central-admin"})
public class BookingStats {

    public record Stats(String municipality, LocalDate from, LocalDate to, long total, Map<String, Long> byMunicipality,
                        Map<String, Long> byUnit, Map<String, Long> byService, Map<String, Long> byMode,
                        Map<String, Long> byStatus, Map<String, Long> byDay) {}

    // One pass over the range, grouped by every dimension at once; the answer adds the groups up per dimension.
    private static final String COUNTS = """
            SELECT municipality_code, unit_id, service_id, mode, status,
                   to_char(starts_at AT TIME ZONE :zone, 'YYYY-MM-DD') AS day, count(*)
            FROM booking
            WHERE starts_at >= :from AND starts_at < :to AND (CAST(:municipality AS text) IS NULL OR municipality_code = :municipality)
            GROUP BY 1, 2, 3, 4, 5, 6""";

    @Inject
    SecurityIdentity identity;
    @Inject
    ActingMunicipality acting;
    @Inject
    BookingConfig config;

    @GET
    @Operation(summary = "Booking statistics of a period")
    public Uni<Stats> stats(@QueryParam("municipality") String municipality, @QueryParam("from") String from,
                            @QueryParam("to") String to) {
        Caller caller = Caller.of(identity, acting);
        String scope = blankToNull(municipality);
        if (!caller.isCentralAdmin()) {
            if (scope != null && !scope.equals(caller.municipality())) {
                throw Problems.forbidden("municipality", "Ο διαχειριστής δήμου βλέπει τα στατιστικά μόνο του δικού του δήμου.",
                    "A municipal admin sees their own municipality's statistics only.");
            }
            scope = caller.municipality();
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw Problem.invalidField("to", "δεν μπορεί να είναι πριν από την αρχή (from)", "must not be before 'from'");
        }
        if (ChronoUnit.DAYS.between(first, last) > 366) {
            throw Problem.invalidField("to", "ένα διάστημα καλύπτει έως 367 ημέρες", "a range covers at most 367 days");
        }
        String code = scope;
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery(COUNTS, Object[].class)
                        .setParameter("zone", config.zone().getId())
                        .setParameter("from", first.atStartOfDay(config.zone()).toInstant())
                        .setParameter("to", last.plusDays(1).atStartOfDay(config.zone()).toInstant())
                        .setParameter("municipality", code)
                        .getResultList()))
                .map(rows -> summarise(code, first, last, rows));
    }

    private static Stats summarise(String municipality, LocalDate from, LocalDate to, List<Object[]> rows) {
        List<Map<String, Long>> dimensions = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), new TreeMap<>());
        long total = 0;
        for (Object[] row : rows) {
            long n = ((Number) row[6]).longValue();
            total += n;
            for (int i = 0; i < 6; i++) {
                dimensions.get(i).merge(String.valueOf(row[i]), n, Long::sum);
            }
        }
        return new Stats(municipality, from, to, total, dimensions.get(0), dimensions.get(1), dimensions.get(2),
                dimensions.get(3), dimensions.get(4), dimensions.get(5));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.invalidField(field, "είναι υποχρεωτικό (ΕΕΕΕ-ΜΜ-ΗΗ)", "is required (YYYY-MM-DD)");
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
