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
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Employees' sign-in accounts follow the staff (issue 21 item 2): an employee added with a tax number gets the
 * municipality and the roles granted on the account that carries that tax number (attribute {@code afm}, as the GSIS
 * broker sets it), or a new account that is mailed a link to set its password; removed, the municipality is taken
 * off, and an account that serves none loses its staff roles and is disabled.
 *
 * <p>Roles are realm-wide, so a municipality links only an account that is nobody else's to manage: one serving no
 * other municipality and holding no role beyond the staff roles it may grant. An account serving another
 * municipality, or a central admin's, is refused: the central administration links those. Otherwise one
 * municipality could take over an account another relies on, or lock out a central admin.
 */
@ApplicationScoped
public class EmployeeAccounts {

    private static final Logger LOG = Logger.getLogger(EmployeeAccounts.class);
    private static final String TAX_NUMBER = "afm";
    private static final String MUNICIPALITY = "municipality";
    /** The staff records the account is (one per municipality served): who is assigned to a booking, in its tokens. */
    private static final String EMPLOYEE = "employee";
    /** The roles a municipality grants its staff; any other role on an account keeps it out of a municipality's reach. */
    public static final List<String> STAFF_ROLES = List.of("clerk", "civil-registry", "municipal-registry", "municipal-admin");

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

    /**
     * Takes the municipality off the employee's account; an account that then serves none loses the staff roles and
     * is disabled.
     */
    public Uni<Void> unlink(Employee e) {
        if (e.accountId == null) {
            return Uni.createFrom().voidItem();
        }
        return unavailableIfFailing(keycloak.get(e.accountId).flatMap(found -> {
            Map<String, List<String>> attributes = attributes(found);
            List<String> served = new ArrayList<>(attributes.getOrDefault(MUNICIPALITY, List.of()));
            served.remove(e.municipalityCode);
            attributes.put(MUNICIPALITY, served);
            List<String> records = new ArrayList<>(attributes.getOrDefault(EMPLOYEE, List.of()));
            records.remove(e.id);
            attributes.put(EMPLOYEE, records);
            return keycloak.update(found.id(), new KeycloakAdminApi.Account(found.id(), found.username(), found.email(),
                            found.firstName(), found.lastName(), !served.isEmpty(), found.emailVerified(), attributes,
                            found.requiredActions()))
                    .call(() -> served.isEmpty() ? revokeStaffRoles(found.id()) : Uni.createFrom().voidItem());
        }));
    }

    /**
     * The account follows a change of the employee's e-mail or roles. Roles are realm-wide: those of an account that
     * serves another municipality too are the central administration's to change.
     */
    public Uni<Void> follow(Employee e, List<String> rolesBefore) {
        if (e.accountId == null) {
            return Uni.createFrom().voidItem();
        }
        List<String> roles = List.of(e.roles);
        boolean rolesChanged = !Set.copyOf(rolesBefore).equals(Set.copyOf(roles));
        return unavailableIfFailing(keycloak.get(e.accountId).flatMap(found -> {
            if (rolesChanged && attributes(found).getOrDefault(MUNICIPALITY, List.of()).stream()
                    .anyMatch(m -> !m.equals(e.municipalityCode))) {
                throw Problems.forbidden("roles", "Ο λογαριασμός εξυπηρετεί και άλλον δήμο· τους ρόλους του τους αλλάζει η κεντρική διαχείριση.",
                        "The account serves another municipality too; the central administration changes its roles.");
            }
            Uni<Void> email = e.email == null || e.email.equalsIgnoreCase(found.email()) ? Uni.createFrom().voidItem()
                    : keycloak.update(found.id(), new KeycloakAdminApi.Account(found.id(), found.username(), e.email,
                            found.firstName(), found.lastName(), found.enabled(), false, attributes(found), found.requiredActions()))
                    .onFailure(f -> f instanceof WebApplicationException web && web.getResponse().getStatus() == 409)
                    .transform(taken -> Problem.of(ProblemType.ALREADY_EXISTS).detail("Άλλος λογαριασμός έχει αυτό το email.",
                            "Another account has this email.").with("field", "email").build());
            return !rolesChanged ? email : email.call(() -> grant(found.id(), roles)).call(() -> keycloak.granted(found.id())
                    .flatMap(held -> {
                        List<KeycloakAdminApi.Role> taken = held.stream()
                                .filter(r -> STAFF_ROLES.contains(r.name()) && !roles.contains(r.name())).toList();
                        return taken.isEmpty() ? Uni.createFrom().voidItem() : keycloak.revoke(found.id(), taken);
                    }));
        }));
    }

    private Uni<KeycloakAdminApi.Account> byTaxNumber(String taxId) {
        return keycloak.search(TAX_NUMBER + ":" + taxId, true).map(found -> found.stream()
                .filter(a -> a.attributes() != null && List.of(taxId).equals(a.attributes().get(TAX_NUMBER)))
                .findFirst().orElse(null));
    }

    /**
     * The account, nobody else's to manage, serves this municipality (again), enabled; a set-password mail never
     * acted on is sent again.
     */
    private Uni<String> serve(KeycloakAdminApi.Account found, Employee e) {
        Map<String, List<String>> attributes = attributes(found);
        List<String> served = new ArrayList<>(attributes.getOrDefault(MUNICIPALITY, List.of()));
        if (served.stream().anyMatch(m -> !m.equals(e.municipalityCode))) {
            throw Problems.forbidden("taxId", "Αυτό το πρόσωπο έχει λογαριασμό που εξυπηρετεί άλλον δήμο· τον συνδέει η κεντρική διαχείριση.",
                    "This person's account serves another municipality; the central administration links it.");
        }
        return keycloak.granted(found.id()).flatMap(held -> {
            if (held.stream().anyMatch(r -> !STAFF_ROLES.contains(r.name()) && !r.name().startsWith("default-roles-"))) {
                throw Problems.forbidden("taxId", "Αυτό το πρόσωπο έχει λογαριασμό με ρόλους της κεντρικής διαχείρισης· τον συνδέει η κεντρική διαχείριση.",
                        "This person's account holds central roles; the central administration links it.");
            }
            served.remove(e.municipalityCode);
            served.add(e.municipalityCode);
            attributes.put(MUNICIPALITY, served);
            List<String> records = new ArrayList<>(attributes.getOrDefault(EMPLOYEE, List.of()));
            records.remove(e.id);
            records.add(e.id);
            attributes.put(EMPLOYEE, records);
            return keycloak.update(found.id(), new KeycloakAdminApi.Account(found.id(), found.username(), found.email(),
                    found.firstName(), found.lastName(), true, found.emailVerified(), attributes, found.requiredActions()));
        }).call(() -> found.requiredActions() != null && found.requiredActions().contains("UPDATE_PASSWORD")
                ? keycloak.mailActions(found.id(), setupValidFor.toSeconds(), List.of("UPDATE_PASSWORD")) : Uni.createFrom().voidItem())
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
                names.length > 1 ? names[1] : names[0], true, false,
                Map.of(TAX_NUMBER, List.of(e.taxId), MUNICIPALITY, List.of(e.municipalityCode), EMPLOYEE, List.of(e.id)),
                List.of("UPDATE_PASSWORD"));
        return keycloak.create(account).map(created -> {
                    String location = created.getLocation().getPath();
                    return location.substring(location.lastIndexOf('/') + 1);
                })
                .onFailure(f -> f instanceof WebApplicationException web && web.getResponse().getStatus() == 409)
                .transform(taken -> Problem.of(ProblemType.ALREADY_EXISTS)
                        .detail("Υπάρχει ήδη λογαριασμός σύνδεσης «" + e.id + "» ή με αυτό το email.",
                                "A sign-in account '" + e.id + "' or with this email exists.")
                        .with("field", "email").build())
                .onFailure(f -> f instanceof WebApplicationException web && web.getResponse().getStatus() == 400)
                .transform(refused -> Problem.invalidField("displayName", "δεν γίνεται δεκτό ως όνομα λογαριασμού (μόνο γράμματα, κενά, τελείες, παύλες)",
                        "is not accepted as an account's name (letters, spaces, dots and hyphens only)"))
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

    private Uni<Void> revokeStaffRoles(String accountId) {
        return keycloak.granted(accountId).flatMap(held -> {
            List<KeycloakAdminApi.Role> staff = held.stream().filter(r -> STAFF_ROLES.contains(r.name())).toList();
            return staff.isEmpty() ? Uni.createFrom().voidItem() : keycloak.revoke(accountId, staff);
        });
    }

    private static Map<String, List<String>> attributes(KeycloakAdminApi.Account account) {
        return account.attributes() == null ? new HashMap<>() : new HashMap<>(account.attributes());
    }

    /** Keycloak not answering, or answering an error, changes nothing here: the caller's transaction rolls back. */
    private static <T> Uni<T> unavailableIfFailing(Uni<T> call) {
        return call.onFailure(f -> !(f instanceof Problem)).invoke(failure -> LOG.warnf("Keycloak's admin API: %s", failure.toString()))
                .onFailure(f -> !(f instanceof Problem))
                .transform(failure -> Problems.unavailable("Η υπηρεσία ταυτοποίησης (Keycloak)", "identity provider (Keycloak)"));
    }
}
