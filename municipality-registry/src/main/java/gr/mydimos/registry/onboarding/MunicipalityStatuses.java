package gr.mydimos.registry.onboarding;

import gr.mydimos.registry.municipality.Municipality;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Every municipality the platform knows and where it stands (REG-1, seed 004 Art.6): pending (an onboarding request
 * awaits a decision), active (since when, by which act) or suspended. For the central administration.
 */
@Path("/api/registry/municipality-statuses")
@RolesAllowed("central-admin")
public class MunicipalityStatuses {

    public enum Standing { PENDING, ACTIVE, SUSPENDED }

    /** openRequest: the request awaiting a decision, if any (a suspended municipality may ask to join again). */
    public record MunicipalityStatus(String code, String nameEl, String nameEn, Standing status, Instant joinedAt,
                                     String joiningActNumber, LocalDate joiningActDate, UUID openRequest) {}

    @GET
    @WithSession
    @Operation(summary = "Every municipality with its status: pending, active or suspended")
    public Uni<List<MunicipalityStatus>> all() {
        return Municipality.<Municipality>listAll().flatMap(municipalities -> OnboardingRequest.<OnboardingRequest>list(
                        "status", OnboardingRequest.Status.SUBMITTED)
                .map(open -> {
                    Map<String, OnboardingRequest> requests = open.stream()
                            .collect(Collectors.toMap(r -> r.municipalityCode, Function.identity()));
                    List<MunicipalityStatus> all = new ArrayList<>();
                    for (Municipality m : municipalities) {
                        OnboardingRequest request = requests.remove(m.code);
                        all.add(new MunicipalityStatus(m.code, m.nameEl, m.nameEn,
                                m.status == Municipality.Status.ACTIVE ? Standing.ACTIVE
                                        : m.status == Municipality.Status.SUSPENDED ? Standing.SUSPENDED : Standing.PENDING,
                                m.joinedAt, m.joiningActNumber, m.joiningActDate, request == null ? null : request.id));
                    }
                    // a municipality that has never joined exists only as its request
                    requests.values().forEach(r -> all.add(new MunicipalityStatus(r.municipalityCode, r.declaration.nameEl(),
                            r.declaration.nameEn(), Standing.PENDING, null, null, null, r.id)));
                    all.sort(Comparator.comparing(MunicipalityStatus::status).thenComparing(MunicipalityStatus::nameEl));
                    return all;
                }));
    }
}
