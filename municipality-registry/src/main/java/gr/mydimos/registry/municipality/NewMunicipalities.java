package gr.mydimos.registry.municipality;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The municipalities that joined lately, announced to citizens on the portal's home page with the act that approved
 * them (seed 004 Art.6§4). Public.
 */
@Path("/api/registry/new-municipalities")
@PermitAll
public class NewMunicipalities {

    public record NewMunicipality(String code, String nameEl, String nameEn, LocalDate joined, String actNumber,
                                  LocalDate actDate) {}

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    @Inject
    Clock clock;
    @ConfigProperty(name = "registry.new-municipalities.days", defaultValue = "60")
    int days;

    @GET
    @WithSession
    @Operation(summary = "Municipalities that joined the platform lately, newest first")
    public Uni<List<NewMunicipality>> list() {
        return Municipality.<Municipality>list("status = ?1 and joinedAt >= ?2 order by joinedAt desc",
                        Municipality.Status.ACTIVE, clock.instant().minus(Duration.ofDays(days)))
                .map(found -> found.stream().map(m -> new NewMunicipality(m.code, m.nameEl, m.nameEn,
                        LocalDate.ofInstant(m.joinedAt, ATHENS), m.joiningActNumber,
                        m.joiningActDate)).toList());
    }
}
