package gr.mydimos.registry.records;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import java.util.Set;

/** A municipal-registry family record (οικογενειακή μερίδα): a household registered in a municipality. */
@Entity
public class FamilyShare extends KeptRecord {

    public static final Set<String> RELATIONS = Set.of("HEAD", "SPOUSE", "CHILD");

    public String municipalityCode;
    public int shareNumber;

    /** The person's family record, the latest registered if a move left more than one. */
    public static Uni<FamilyShare> current(String taxId) {
        return FamilyShare.<FamilyShare>find("array_contains(taxIds, ?1) order by recordedAt desc", taxId).firstResult();
    }

    @Override
    public String keptBy() {
        return municipalityCode;
    }

    @Override
    public MarginalNote.RecordKind kind() {
        return MarginalNote.RecordKind.FAMILY_SHARE;
    }
}
