package gr.mydimos.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An event on topic registry-events, exactly as docs/events.md defines it. */
public record RegistryEvent(UUID eventId, String type, int schemaVersion, Instant occurredAt, Employee employee,
                            Municipality municipality, Service service) {

    public static final String TOPIC = "registry-events";
    public static final String EMPLOYEE_ADDED = "EmployeeAdded";
    public static final String EMPLOYEE_CHANGED = "EmployeeChanged";
    public static final String EMPLOYEE_REMOVED = "EmployeeRemoved";
    public static final String MUNICIPALITY_ACTIVATED = "MunicipalityActivated";
    public static final String MUNICIPALITY_SUSPENDED = "MunicipalitySuspended";
    /** A unit a municipality added after joining; {@code municipality.units} holds it alone, with its hours. */
    public static final String UNIT_ADDED = "UnitAdded";
    public static final String SERVICE_CHANGED = "ServiceChanged";

    /** The employee's whole state after the change (state-carrying, so applying it twice changes nothing). */
    public record Employee(String id, String municipality, String unitId, String displayName, List<String> serviceIds,
                           boolean active) {}

    public record Hours(int day, String opens, String closes) {}

    public record Unit(String id, List<Hours> hours) {}

    public record Municipality(String code, String nameEl, String nameEn, List<String> modes, List<Unit> units) {}

    public record ModeDuration(String mode, int durationMinutes) {}

    /** What decides a service's slots: its unit, modes with durations, and the buffer after each appointment. */
    public record Service(String id, String municipality, String unitId, List<ModeDuration> modes, int bufferMinutes) {}

    public static RegistryEvent of(String type, Instant now, Employee employee) {
        return new RegistryEvent(UUID.randomUUID(), type, 1, now, employee, null, null);
    }

    public static RegistryEvent of(String type, Instant now, Municipality municipality) {
        return new RegistryEvent(UUID.randomUUID(), type, 1, now, null, municipality, null);
    }

    public static RegistryEvent of(String type, Instant now, Service service) {
        return new RegistryEvent(UUID.randomUUID(), type, 1, now, null, null, service);
    }
}
