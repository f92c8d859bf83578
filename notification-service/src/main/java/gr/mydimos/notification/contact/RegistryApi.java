package gr.mydimos.notification.contact;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The registry's public read API: a municipality's and its units' contact details (API.md). */
@RegisterRestClient(configKey = "registry")
@Path("/api/registry/municipalities")
interface RegistryApi {

    record Unit(String id, String nameEl, String nameEn, String address, List<String> phones, String email,
                String hoursEl, String hoursEn) {}

    record Municipality(String code, String nameEl, String nameEn, String address, List<String> phones, String email,
                        List<Unit> units) {}

    @GET
    @Path("{code}")
    Uni<Municipality> municipality(@PathParam("code") String code);
}
