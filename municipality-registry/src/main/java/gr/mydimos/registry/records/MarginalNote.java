package gr.mydimos.registry.records;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A correction of a record: which field, the value it replaced, the new one, who made it, when and why. */
@Entity
public class MarginalNote extends PanacheEntityBase {

    public enum RecordKind { CIVIL_ACT, FAMILY_SHARE }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public RecordKind recordKind;
    public UUID recordId;
    /** The record's version this correction made. */
    public int version;
    /** For example persons[1].lastName, or eventPlace. */
    public String field;
    public String oldValue;
    public String newValue;
    public String reason;
    public Instant notedAt;
    public String notedBy;
    public String municipalityCode;
}
