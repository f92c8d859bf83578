package gr.mydimos.registry.citizen;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One look-up of a person's registry data by a clerk serving them (ID-3): written in the transaction that reads it. */
@Entity
public class PersonRead extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant readAt;
    public String reader;
    public String readerMunicipality;
    public String subjectTaxId;
    public String reason;
    /** A look-up that found no record is logged too: it tells whether the person is registered. */
    public boolean found;
    public String requestId;
}
