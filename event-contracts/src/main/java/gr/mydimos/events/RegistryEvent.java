package gr.mydimos.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An event on topic {@value #TOPIC}: the one definition municipality-registry writes and availability-service reads
 * (docs/events.md explains each field). Events carry the whole new state of what changed, so applying one twice
 * changes nothing; {@link #problems()} says what a valid event carries, and both sides' tests hold theirs to it.
 */
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

    public static final List<String> EMPLOYEE_TYPES = List.of(EMPLOYEE_ADDED, EMPLOYEE_CHANGED, EMPLOYEE_REMOVED);
    public static final List<String> MUNICIPALITY_TYPES = List.of(MUNICIPALITY_ACTIVATED, MUNICIPALITY_SUSPENDED, UNIT_ADDED);

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

    /** What makes the event break the contract, in words; empty when it keeps it. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (eventId == null) {
            problems.add("eventId is missing");
        }
        if (schemaVersion != 1) {
            problems.add("schemaVersion is not 1");
        }
        if (occurredAt == null) {
            problems.add("occurredAt is missing");
        }
        if (type == null) {
            problems.add("type is missing");
        } else if (EMPLOYEE_TYPES.contains(type)) {
            if (employee == null || employee.id() == null || employee.municipality() == null || employee.unitId() == null
                    || employee.serviceIds() == null) {
                problems.add("an employee event carries the employee's id, municipality, unitId and serviceIds");
            } else if (EMPLOYEE_REMOVED.equals(type) && employee.active()) {
                problems.add("a removed employee is not active");
            }
        } else if (MUNICIPALITY_TYPES.contains(type)) {
            if (municipality == null || municipality.code() == null || municipality.units() == null) {
                problems.add("a municipality event carries its code and units");
            } else if (municipality.units().stream().anyMatch(u -> u.id() == null || u.hours() == null)) {
                problems.add("each unit carries its id and hours");
            }
        } else if (SERVICE_CHANGED.equals(type)) {
            if (service == null || service.id() == null || service.municipality() == null || service.unitId() == null
                    || service.modes() == null || service.modes().isEmpty()) {
                problems.add("a service event carries its id, municipality, unitId and modes");
            }
        } else {
            problems.add("type " + type + " is not a registry event");
        }
        return problems;
    }
}
