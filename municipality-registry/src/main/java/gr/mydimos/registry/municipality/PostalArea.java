package gr.mydimos.registry.municipality;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A postal code and the municipality (and unit, where one is set) competent for people living there (REG-7). */
@Entity
public class PostalArea extends PanacheEntityBase {
    @Id
    public String postalCode;
    public String municipalityCode;
    public String unitId;
}
