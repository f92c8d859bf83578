package gr.mydimos.registry.certificates;

import gr.mydimos.registry.records.MarginalNote;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A certificate as issued: the PDF, and the record version it certifies (a correction of the record supersedes it). */
@Entity
public class Certificate extends PanacheEntityBase {

    public enum Type { BIRTH, FAMILY_STATUS, MUNICIPAL_REGISTRATION, CIVIL_ACT_EXTRACT }

    /** Twelve characters of Crockford's base32 (no I, L, O, U): 60 random bits, read aloud or typed without doubt. */
    @Id
    public String code;
    @Enumerated(EnumType.STRING)
    public Type type;
    public String language;
    @Enumerated(EnumType.STRING)
    public MarginalNote.RecordKind recordKind;
    public UUID recordId;
    public int recordVersion;
    public String subjectTaxId;
    /** The tax number of the citizen who asked: themselves, or a parent for a minor child. */
    public String requestedBy;
    /** The holder's name, only if they chose to let verification show it. */
    public String holderNameShown;
    public Instant issuedAt;
    public byte[] pdf;
    /** At a registry counter: the clerk who issued it and the municipality they acted for; online, neither. */
    public String issuedBy;
    public String issuedAtMunicipality;
}
