package gr.mydimos.registry.municipality;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An organisational unit (department, office) of a municipality, with its own contact details and hours (REG-3). */
@Entity
public class Unit extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "municipality_code")
    public String municipalityCode;
    @Column(name = "name_el")
    public String nameEl;
    @Column(name = "name_en")
    public String nameEn;
    public String address;
    public String[] phones;
    public String email;
    @Column(name = "hours_el")
    public String hoursEl;
    @Column(name = "hours_en")
    public String hoursEn;
}
