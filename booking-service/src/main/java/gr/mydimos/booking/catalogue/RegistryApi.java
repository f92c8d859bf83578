package gr.mydimos.booking.catalogue;

import gr.mydimos.booking.Mode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The registry's public read API, as much of it as booking needs. */
@RegisterRestClient(configKey = "registry")
@Path("/api/registry/municipalities")
public interface RegistryApi {

    record Municipality(String code, String nameEl, String nameEn, List<Mode> modes, boolean thirdPartyVideoAllowed) {}

    record ModeDuration(Mode mode, int durationMinutes) {}

    record Document(String nameEl, String nameEn, boolean exOfficio) {}

    record Service(String id, String unitId, String nameEl, String nameEn, List<ModeDuration> modes,
                   List<Document> documents) {}

    @GET
    @Path("{code}")
    Uni<Municipality> municipality(@PathParam("code") String code);

    @GET
    @Path("{code}/services")
    Uni<List<Service>> services(@PathParam("code") String code);
}
