package gr.mydimos.registry.citizen;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** A person's registered details (Citizen Registry) and contact details (National Registry of Communication). */
@Entity
public class CitizenRecord extends PanacheEntityBase {
    @Id
    public String taxId;
    public String amka;
    public String firstName;
    public String lastName;
    public String fatherName;
    public LocalDate birthDate;
    public String municipalityCode;
    public String address;
    public String postalCode;
    public String email;
    public String mobile;
}
