package gr.mydimos.registry.records;

import jakarta.persistence.Entity;
import java.util.Set;

/** A municipal-registry family record (οικογενειακή μερίδα): a household registered in a municipality. */
@Entity
public class FamilyShare extends KeptRecord {

    public static final Set<String> RELATIONS = Set.of("HEAD", "SPOUSE", "CHILD");

    public String municipalityCode;
    public int shareNumber;

    @Override
    public String keptBy() {
        return municipalityCode;
    }

    @Override
    public MarginalNote.RecordKind kind() {
        return MarginalNote.RecordKind.FAMILY_SHARE;
    }
}
