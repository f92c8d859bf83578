package gr.mydimos.registry.staff;

import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.registry.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Employees' sign-in accounts follow the staff (issue 21 item 2): an employee added with a tax number gets the
 * municipality and the roles granted on the account that carries that tax number (attribute {@code afm}, as the GSIS
 * broker sets it), or a new account that is mailed a link to set its password; removed, the municipality is taken
 * off and an account that serves none is disabled.
 */
@ApplicationScoped
public class EmployeeAccounts {

    private static final Logger LOG = Logger.getLogger(EmployeeAccounts.class);

    private static final String TAX_NUMBER = "afm";
    private static final String MUNICIPALITY = "municipality";

    @RestClient
    KeycloakAdminApi keycloak;
    @ConfigProperty(name = "registry.account-setup-valid-for")
    Duration setupValidFor;

    /** Links the employee's account (creating it if there is none); answers its id, or null without a tax number. */
    public Uni<String> link(Employee e) {
        if (e.taxId == null) {
            return Uni.createFrom().nullItem();
        }
        return unavailableIfFailing(byTaxNumber(e.taxId).flatMap(found -> found != null ? serve(found, e)
                : create(e)).call(id -> grant(id, List.of(e.roles))));
    }

    /** Takes the municipality off the employee's account, and disables the account if it serves no other. */
    public Uni<Void> unlink(Employee e) {
        if (e.taxId == null) {
            return Uni.createFrom().voidItem();
        }
        return unavailableIfFailing(byTaxNumber(e.taxId).flatMap(found -> {
            if (found == null) {
                return Uni.createFrom().voidItem();
            }
            Map<String, List<String>> attributes = attributes(found);
            List<String> served = new ArrayList<>(attributes.getOrDefault(MUNICIPALITY, List.of()));
            served.remove(e.municipalityCode);
            attributes.put(MUNICIPALITY, served);
            return keycloak.update(found.id(), new KeycloakAdminApi.Account(found.id(), found.username(), found.email(),
                    found.firstName(), found.lastName(), !served.isEmpty(), found.emailVerified(), attributes,
                    found.requiredActions()));
        }));
    }

    private Uni<KeycloakAdminApi.Account> byTaxNumber(String taxId) {
        return keycloak.search(TAX_NUMBER + ":" + taxId, true).map(found -> found.stream()
                .filter(a -> a.attributes() != null && List.of(taxId).equals(a.attributes().get(TAX_NUMBER)))
                .findFirst().orElse(null));
    }

    /**
     * The account serves one more municipality, and is enabled (it may have been left disabled). Roles hold in every
     * municipality an account serves, so one municipality may not grant more than the account has while it serves
     * others: that would give them there too.
     */
    private Uni<String> serve(KeycloakAdminApi.Account found, Employee e) {
        Map<String, List<String>> attributes = attributes(found);
        List<String> served = new ArrayList<>(attributes.getOrDefault(MUNICIPALITY, List.of()));
        boolean servesOthers = served.stream().anyMatch(m -> !m.equals(e.municipalityCode));
        return (servesOthers ? keycloak.granted(found.id()).invoke(held -> {
            List<String> names = held.stream().map(KeycloakAdminApi.Role::name).toList();
            if (!names.containsAll(List.of(e.roles))) {
                throw Problems.forbidden("roles",
                        "Ο υπάλληλος εξυπηρετεί και άλλον δήμο· οι ρόλοι ισχύουν σε όλους, οπότε νέους ρόλους του δίνει η κεντρική διαχείριση.",
                        "The employee serves another municipality too; roles hold in all of them, so the central administration grants new ones.");
            }
        }).replaceWithVoid() : Uni.createFrom().voidItem()).chain(() -> enable(found, e, attributes, served));
    }

    private Uni<String> enable(KeycloakAdminApi.Account found, Employee e, Map<String, List<String>> attributes,
                               List<String> served) {
        if (!served.contains(e.municipalityCode)) {
            served.add(e.municipalityCode);
        }
        attributes.put(MUNICIPALITY, served);
        return keycloak.update(found.id(), new KeycloakAdminApi.Account(found.id(), found.username(), found.email(),
                        found.firstName(), found.lastName(), true, found.emailVerified(), attributes, found.requiredActions()))
                .replaceWith(found.id());
    }

    /** A new account named by the employee's id, mailed a link to set its password. */
    private Uni<String> create(Employee e) {
        if (e.email == null) {
            throw Problem.invalidField("email", "χρειάζεται για τον νέο λογαριασμό του υπαλλήλου (εκεί στέλνεται ο σύνδεσμος ορισμού κωδικού)",
                    "is needed for the employee's new account (the link to set a password is sent there)");
        }
        String[] names = e.displayName.strip().split("\\s+", 2);
        KeycloakAdminApi.Account account = new KeycloakAdminApi.Account(null, e.id, e.email, names[0],
                names.length > 1 ? names[1] : names[0], true, true,
                Map.of(TAX_NUMBER, List.of(e.taxId), MUNICIPALITY, List.of(e.municipalityCode)), List.of("UPDATE_PASSWORD"));
        return keycloak.create(account).map(created -> {
                    String location = created.getLocation().getPath();
                    return location.substring(location.lastIndexOf('/') + 1);
                })
                .onFailure(f -> f instanceof WebApplicationException web && web.getResponse().getStatus() == 409)
                .transform(taken -> Problems.conflict(ProblemType.ALREADY_EXISTS,
                        "Υπάρχει ήδη λογαριασμός σύνδεσης «" + e.id + "» ή με αυτό το email, με άλλον ΑΦΜ.",
                        "A sign-in account '" + e.id + "' or with this email exists, with another tax number."))
                .call(id -> keycloak.mailActions(id, setupValidFor.toSeconds(), List.of("UPDATE_PASSWORD")));
    }

    private Uni<Void> grant(String accountId, List<String> roles) {
        if (roles.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return keycloak.grantable(accountId).flatMap(grantable -> {
            List<KeycloakAdminApi.Role> missing = grantable.stream().filter(r -> roles.contains(r.name())).toList();
            return missing.isEmpty() ? Uni.createFrom().voidItem() : keycloak.grant(accountId, missing);
        });
    }

    private static Map<String, List<String>> attributes(KeycloakAdminApi.Account account) {
        return account.attributes() == null ? new HashMap<>() : new HashMap<>(account.attributes());
    }

    /** Keycloak not answering, or answering an error, changes nothing here: the caller's transaction rolls back. */
    private static <T> Uni<T> unavailableIfFailing(Uni<T> call) {
        return call.onFailure(f -> !(f instanceof Problem)).invoke(failure -> LOG.warnf("Keycloak's admin API: %s", failure.toString()))
                .onFailure(WebApplicationException.class)
                .transform(failure -> Problems.unavailable("Η υπηρεσία ταυτοποίησης (Keycloak)", "identity provider (Keycloak)"))
                .onFailure(f -> !(f instanceof Problem))
                .transform(failure -> Problems.unavailable("Η υπηρεσία ταυτοποίησης (Keycloak)", "identity provider (Keycloak)"));
    }
}
