package gr.mydimos.registry.staff;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The few calls of Keycloak's admin API that keep employees' accounts in step with the staff, as the registry itself. */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/admin/realms/employees")
interface KeycloakAdminApi {

    /** An account, as Keycloak's UserRepresentation names its fields (the rest are left as they are). */
    record Account(String id, String username, String email, String firstName, String lastName, Boolean enabled,
                   Boolean emailVerified, Map<String, List<String>> attributes, List<String> requiredActions) {}

    record Role(String id, String name) {}

    /** q: attribute search, "afm:094259216". */
    @GET
    @Path("users")
    Uni<List<Account>> search(@QueryParam("q") String query, @QueryParam("exact") boolean exact);

    @POST
    @Path("users")
    Uni<Response> create(Account account);

    @GET
    @Path("users/{id}")
    Uni<Account> get(@PathParam("id") String id);

    @PUT
    @Path("users/{id}")
    Uni<Void> update(@PathParam("id") String id, Account account);

    @GET
    @Path("users/{id}/role-mappings/realm")
    Uni<List<Role>> granted(@PathParam("id") String id);

    @DELETE
    @Path("users/{id}/role-mappings/realm")
    Uni<Void> revoke(@PathParam("id") String id, List<Role> roles);

    /** The realm roles the account does not have yet (readable with manage-users, unlike the realm's roles). */
    @GET
    @Path("users/{id}/role-mappings/realm/available")
    Uni<List<Role>> grantable(@PathParam("id") String id);

    @POST
    @Path("users/{id}/role-mappings/realm")
    Uni<Void> grant(@PathParam("id") String id, List<Role> roles);

    @PUT
    @Path("users/{id}/execute-actions-email")
    Uni<Void> mailActions(@PathParam("id") String id, @QueryParam("lifespan") long seconds, List<String> actions);
}
