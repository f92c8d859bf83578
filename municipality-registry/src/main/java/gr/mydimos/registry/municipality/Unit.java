package gr.mydimos.registry.municipality;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An organisational unit (department, office) of a municipality, with its own contact details and hours (REG-3). */
@Entity
public class Unit extends PanacheEntityBase {
    @Id
    public String id;
    public String municipalityCode;
    public String nameEl;
    public String nameEn;
    public String address;
    public String[] phones;
    public String email;
    public String hoursEl;
    public String hoursEn;
}
