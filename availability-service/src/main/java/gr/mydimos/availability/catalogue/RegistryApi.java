package gr.mydimos.availability.catalogue;

import gr.mydimos.availability.Mode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The registry's public catalogue: the parts of a service that decide its slots. */
@RegisterRestClient(configKey = "registry")
@Path("/api/registry/municipalities")
interface RegistryApi {

    record ModeDuration(Mode mode, int durationMinutes) {}

    record ServiceTerms(String id, String unitId, List<ModeDuration> modes, int bufferMinutes) {}

    @GET
    @Path("{code}/services")
    Uni<List<ServiceTerms>> services(@PathParam("code") String municipality);
}
