package gr.mydimos.registry.municipality;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalTime;

/** One opening period of a unit on a weekday (1 = Monday), as the municipality declared it. */
@Entity
public class UnitHours extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String unitId;
    public short dayOfWeek;
    public LocalTime opens;
    public LocalTime closes;
}
