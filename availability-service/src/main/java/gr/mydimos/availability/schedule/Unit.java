package gr.mydimos.availability.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A unit that serves appointments, and the municipality it belongs to (from the registry). */
@Entity
public class Unit extends PanacheEntityBase {
    @Id
    public String id;
    public String municipalityCode;
}
