package gr.mydimos.registry.records;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who has read a record, newest first (ID-3): for the central administration's supervision of personal-data access. */
@Path("/api/registry/record-reads")
@RolesAllowed("central-admin")
public class RecordReadResource {

    public record ReadView(Instant readAt, String reader, String readerMunicipality, MarginalNote.RecordKind recordKind,
                           UUID recordId, String requestId) {}

    @GET
    @WithSession
    @Operation(summary = "Who read a person's registry records, when and why")
    public Uni<List<ReadView>> of(@QueryParam("recordId") @NotNull UUID recordId) {
        return RecordRead.<RecordRead>find("recordId = ?1 order by readAt desc, id desc", recordId).page(0, 500).list()
                .map(reads -> reads.stream().map(r -> new ReadView(r.readAt, r.reader, r.readerMunicipality, r.recordKind,
                        r.recordId, r.requestId)).toList());
    }
}
