package gr.mydimos.availability.slot;

import gr.mydimos.availability.AvailabilityConfig;
import gr.mydimos.availability.catalogue.Catalogue;
import gr.mydimos.availability.schedule.BookingPolicy;
import gr.mydimos.availability.schedule.Employee;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * AV-5, public: whether a person may choose who serves them for a service, and among whom. The portal shows a
 * choice only when the municipality allows it; then `employee` can be passed to the slot search and the hold.
 */
@Path("/api/availability/slots/employees")
@PermitAll
public class EmployeeChoiceResource {

    public record Choosable(String id, String displayName) {}

    public record EmployeeChoice(boolean employeeChoiceAllowed, List<Choosable> employees) {}

    @Inject
    Catalogue catalogue;
    @Inject
    AvailabilityConfig config;

    @GET
    @WithSession
    @Operation(summary = "Whether a person may choose the employee for a service, and whom")
    public Uni<EmployeeChoice> choice(@QueryParam("municipality") String municipality,
                                      @QueryParam("service") String service) {
        SlotResource.required("municipality", municipality);
        SlotResource.required("service", service);
        return catalogue.unitOf(municipality, service, "service")
                .flatMap(unit -> BookingPolicy.window(municipality, service, config).flatMap(window -> !window.employeeChoiceAllowed()
                        ? Uni.createFrom().item(new EmployeeChoice(false, List.of()))
                        : Employee.qualified(municipality, unit, service, null).map(employees -> new EmployeeChoice(true,
                                employees.stream().map(e -> new Choosable(e.id, e.displayName)).toList()))));
    }
}
