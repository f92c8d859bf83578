package gr.mydimos.registry.staff;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.events.RegistryEvent;
import gr.mydimos.outbox.Outbox;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.registry.AvailabilityApi;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.catalogue.PublicService;
import gr.mydimos.registry.municipality.Unit;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Adding, changing and removing a municipality's employees. */
@ApplicationScoped
public class Staff {

    @RestClient
    AvailabilityApi availability;
    @Inject
    ActingMunicipality acting;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    EmployeeAccounts accounts;

    @WithSession
    public Uni<List<Employee>> of(String municipality) {
        return Employee.list("municipalityCode = ?1 and active order by unitId, id", municipality);
    }

    /** Each change publishes an event in its transaction, which the outbox relays once it commits. */
    @WithTransaction
    public Uni<Employee> add(String municipality, StaffResource.EmployeeRequest request) {
        return Employee.<Employee>findById(request.id()).flatMap(existing -> {
            if (existing != null) {
                throw Problems.conflict(ProblemType.ALREADY_EXISTS, "Υπάρχει ήδη υπάλληλος με αναγνωριστικό «" + request.id() + "».",
                        "An employee with id '" + request.id() + "' exists.");
            }
            Employee employee = new Employee();
            employee.id = request.id();
            employee.municipalityCode = municipality;
            employee.active = true;
            employee.taxId = request.taxId();
            employee.email = request.email();
            employee.roles = request.roles() == null ? new String[0] : request.roles().stream().distinct().toArray(String[]::new);
            // the account is linked inside the transaction: if Keycloak refuses or does not answer, nothing is added
            return apply(employee, municipality, request).flatMap(e -> e.<Employee>persist())
                    .call(e -> accounts.link(e).invoke(account -> e.accountId = account))
                    .call(e -> publish(RegistryEvent.EMPLOYEE_ADDED, e));
        });
    }

    /**
     * Changes an employee's unit, name, services, desk, e-mail and roles; their account follows (one is linked when a
     * tax number is first given; the tax number of a linked account does not change). A service taken away while they
     * have booked appointments of it ahead is refused like a removal (409 listing them), so that nobody is left with
     * an employee who no longer serves their appointment.
     */
    public Uni<Employee> change(String municipality, String id, StaffResource.EmployeeRequest request) {
        return Uni.createFrom().deferred(() -> activeInSession(municipality, id))
                .flatMap(employee -> {
                    List<String> removed = Arrays.stream(employee.serviceIds)
                            .filter(service -> !request.serviceIds().contains(service)).toList();
                    return removed.isEmpty() ? Uni.createFrom().voidItem()
                            : refuseIfBooked(id, appointment -> removed.contains(appointment.service()));
                })
                .flatMap(ignored -> applyChange(municipality, id, request));
    }

    @WithTransaction
    Uni<Employee> applyChange(String municipality, String id, StaffResource.EmployeeRequest request) {
        return active(municipality, id).flatMap(employee -> {
            if (employee.taxId != null && request.taxId() != null && !employee.taxId.equals(request.taxId())) {
                throw Problem.invalidField("taxId", "δεν αλλάζει σε υπάλληλο με λογαριασμό· αφαιρέστε τον και προσθέστε τον ξανά",
                        "does not change for an employee with an account; remove and add them again");
            }
            boolean linking = employee.taxId == null && request.taxId() != null;
            List<String> rolesBefore = List.of(employee.roles);
            if (linking) {
                employee.taxId = request.taxId();
            }
            if (request.email() != null) {
                employee.email = request.email();
            }
            if (employee.taxId != null && request.roles() != null) {
                employee.roles = request.roles().stream().distinct().toArray(String[]::new);
            }
            // inside the transaction, as when adding: if Keycloak refuses or does not answer, nothing changes
            return apply(employee, municipality, request)
                    .call(e -> linking ? accounts.link(e).invoke(account -> e.accountId = account) : accounts.follow(e, rolesBefore));
        }).call(e -> publish(RegistryEvent.EMPLOYEE_CHANGED, e));
    }

    /**
     * Removes an employee who has no booked appointments ahead; otherwise a 409 problem lists them, so that they
     * are moved first and nobody's appointment is silently dropped.
     */
    public Uni<Void> remove(String municipality, String id) {
        return Uni.createFrom().deferred(() -> activeInSession(municipality, id))
                .flatMap(ignored -> refuseIfBooked(id, appointment -> true))
                .flatMap(ignored -> deactivate(municipality, id));
    }

    /** A 409 problem listing the employee's booked appointments ahead that the change would strand, if any. */
    private Uni<Void> refuseIfBooked(String id, Predicate<AvailabilityApi.Appointment> stranded) {
        return availability.ofEmployee(id, acting.code())
                .onFailure(failure -> !(failure instanceof Problem) && !(failure instanceof NotFoundException))
                .transform(failure -> Problems.unavailable("Η υπηρεσία διαθεσιμότητας", "availability service"))
                .invoke(all -> {
                    List<AvailabilityApi.Appointment> appointments = all.stream().filter(stranded).toList();
                    if (!appointments.isEmpty()) {
                        throw Problem.of(ProblemType.EMPLOYEE_HAS_APPOINTMENTS)
                                .detail("Ο υπάλληλος έχει κλεισμένα ραντεβού στο μέλλον (" + appointments.size() + ")· πρώτα μεταφέρετε ή ακυρώστε τα.",
                                        appointments.size() + " booked appointment(s) ahead; move them first.")
                                .with("appointments", appointments).build();
                    }
                }).replaceWithVoid();
    }

    @WithSession
    Uni<Employee> activeInSession(String municipality, String id) {
        return active(municipality, id);
    }

    @WithTransaction
    Uni<Void> deactivate(String municipality, String id) {
        return active(municipality, id).invoke(e -> e.active = false)
                .call(accounts::unlink)
                .call(e -> publish(RegistryEvent.EMPLOYEE_REMOVED, e)).replaceWithVoid();
    }

    /** Availability keeps its copy of the staff from these events, so it never assigns someone who left. */
    private Uni<Void> publish(String type, Employee e) {
        RegistryEvent event = RegistryEvent.of(type, clock.instant(), new RegistryEvent.Employee(e.id,
                e.municipalityCode, e.unitId, e.displayName, List.of(e.serviceIds), e.active));
        return outbox.add(RegistryEvent.TOPIC, e.id, type, event.eventId(), event.occurredAt(), event);
    }

    private static Uni<Employee> active(String municipality, String id) {
        return Employee.<Employee>findById(id).map(e -> {
            if (e == null || !e.active || !e.municipalityCode.equals(municipality)) {
                throw Problems.notFound("Δεν υπάρχει υπάλληλος «" + id + "» στον δήμο " + municipality + ".",
                        "No employee '" + id + "' in " + municipality + ".");
            }
            return e;
        });
    }

    /** The unit must be the municipality's, and every service one its unit offers. */
    private static Uni<Employee> apply(Employee employee, String municipality, StaffResource.EmployeeRequest request) {
        return Unit.<Unit>findById(request.unitId()).flatMap(unit -> {
            if (unit == null || !unit.municipalityCode.equals(municipality)) {
                throw Problem.invalidField("unitId", "δεν είναι μονάδα του δήμου " + municipality, "not a unit of " + municipality);
            }
            return PublicService.<PublicService>list("unitId", unit.id).map(offered -> {
                List<String> ids = offered.stream().map(s -> s.id).toList();
                for (int i = 0; i < request.serviceIds().size(); i++) {
                    if (!ids.contains(request.serviceIds().get(i))) {
                        throw Problem.invalidField("serviceIds[" + i + "]", "δεν είναι υπηρεσία της μονάδας " + unit.id,
                                "not a service of unit " + unit.id);
                    }
                }
                employee.unitId = unit.id;
                employee.displayName = request.displayName().strip();
                employee.serviceIds = request.serviceIds().toArray(String[]::new);
                employee.desk = request.desk();
                return employee;
            });
        });
    }
}
