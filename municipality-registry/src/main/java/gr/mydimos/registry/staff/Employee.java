package gr.mydimos.registry.staff;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A municipal employee who serves appointments: unit, services served, desk (REG-5). */
@Entity
public class Employee extends PanacheEntityBase {
    @Id
    public String id;
    public String municipalityCode;
    public String unitId;
    public String displayName;
    public String[] serviceIds;
    public String desk;
    public boolean active;
}
