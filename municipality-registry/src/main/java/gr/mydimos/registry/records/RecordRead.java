package gr.mydimos.registry.records;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One disclosure of one record to one reader (ID-3): written in the transaction that reads the record. */
@Entity
public class RecordRead extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant readAt;
    public String reader;
    public String readerMunicipality;
    @Enumerated(EnumType.STRING)
    public MarginalNote.RecordKind recordKind;
    public UUID recordId;
    public String requestId;
}
