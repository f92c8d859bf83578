package gr.mydimos.availability.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Arrays;
import java.util.List;

/** Availability's copy of an employee who serves appointments, with the services they are qualified for. */
@Entity
public class Employee extends PanacheEntityBase {
    @Id
    public String id;
    public String municipalityCode;
    public String unitId;
    public String displayName;
    public String[] serviceIds;
    public boolean active;

    public boolean serves(String serviceId) {
        return active && Arrays.asList(serviceIds).contains(serviceId);
    }

    /** Active employees of the unit qualified for the service, optionally only the one asked for. */
    public static Uni<List<Employee>> qualified(String municipality, String unitId, String serviceId, String onlyId) {
        return Employee.<Employee>find("municipalityCode = ?1 and unitId = ?2 order by id", municipality, unitId).list()
                .map(all -> all.stream()
                        .filter(e -> e.serves(serviceId))
                        .filter(e -> onlyId == null || e.id.equals(onlyId))
                        .toList());
    }
}
