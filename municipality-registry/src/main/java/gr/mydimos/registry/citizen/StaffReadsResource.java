package gr.mydimos.registry.citizen;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.problems.Problem;
import gr.mydimos.registry.records.RecordRead;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Which staff read whose personal data in the registry (ID-3, seed 004 Art.5§3): registry records shown and people
 * looked up, newest first. A municipal admin sees the reads of the staff of the municipality they act for; a central
 * admin those of every municipality, or of one.
 */
@Path("/api/registry/staff-reads")
@RolesAllowed({"municipal-admin", "central-admin"})
public class StaffReadsResource {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final int LIMIT = 500;

    public enum What { CIVIL_ACT, FAMILY_SHARE, PERSON }

    /** recordId for a registry record, subjectTaxId for a person looked up (with the reason given). */
    public record StaffRead(Instant readAt, String reader, String readerMunicipality, What what, UUID recordId,
                            String subjectTaxId, String reason, String requestId) {}

    @Inject
    SecurityIdentity identity;
    @Inject
    ActingMunicipality acting;

    @GET
    @WithSession
    @Operation(summary = "Reads of personal data by staff in a period (at most 500, newest first)")
    public Uni<List<StaffRead>> reads(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("municipality") String municipality) {
        String scope = identity.hasRole("central-admin")
                ? (municipality == null || municipality.isBlank() ? null : municipality) : acting.required();
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw Problem.invalidField("to", "δεν μπορεί να είναι πριν από την αρχή (from)", "must not be before 'from'");
        }
        if (ChronoUnit.DAYS.between(first, last) > 366) {
            throw Problem.invalidField("to", "ένα διάστημα καλύπτει έως 367 ημέρες", "a range covers at most 367 days");
        }
        Instant start = first.atStartOfDay(ATHENS).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ATHENS).toInstant();
        String where = "readAt >= :start and readAt < :end" + (scope == null ? "" : " and readerMunicipality = :municipality");
        Parameters parameters = Parameters.with("start", start).and("end", end);
        if (scope != null) {
            parameters.and("municipality", scope);
        }
        return RecordRead.<RecordRead>find(where + " order by readAt desc", parameters).page(0, LIMIT).list()
                .flatMap(records -> PersonRead.<PersonRead>find(where + " order by readAt desc", parameters).page(0, LIMIT).list()
                        .map(people -> {
                            List<StaffRead> all = new ArrayList<>();
                            records.forEach(r -> all.add(new StaffRead(r.readAt, r.reader, r.readerMunicipality,
                                    What.valueOf(r.recordKind.name()), r.recordId, null, null, r.requestId)));
                            people.forEach(p -> all.add(new StaffRead(p.readAt, p.reader, p.readerMunicipality, What.PERSON,
                                    null, p.subjectTaxId, p.reason, p.requestId)));
                            all.sort(Comparator.comparing(StaffRead::readAt).reversed());
                            return all.size() > LIMIT ? all.subList(0, LIMIT) : all;
                        }));
    }

    private static LocalDate day(String field, String value) {
        try {
            LocalDate day = LocalDate.parse(value == null ? "" : value);
            if (day.getYear() >= 2000 && day.getYear() <= 2200) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw Problem.invalidField(field, "μια ημερομηνία της μορφής ΕΕΕΕ-ΜΜ-ΗΗ", "a date as YYYY-MM-DD");
    }
}
