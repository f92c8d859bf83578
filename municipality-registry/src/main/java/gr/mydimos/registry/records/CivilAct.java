package gr.mydimos.registry.records;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A civil-registry act (ληξιαρχική πράξη) as its registry office drew it up, with the persons it names. */
@Entity
public class CivilAct extends KeptRecord {

    public enum Kind {
        BIRTH("CHILD", Set.of("CHILD", "MOTHER", "FATHER", "DECLARANT")),
        MARRIAGE("SPOUSE", Set.of("SPOUSE", "DECLARANT")),
        DEATH("DECEASED", Set.of("DECEASED", "DECLARANT"));

        /** The role of the person the act is about (two spouses, one otherwise). */
        public final String subject;
        public final Set<String> roles;

        Kind(String subject, Set<String> roles) {
            this.subject = subject;
            this.roles = roles;
        }

        int subjects() {
            return this == MARRIAGE ? 2 : 1;
        }
    }

    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** The municipality whose registry office keeps the act. */
    public String registryOffice;
    public int year;
    public int volume;
    public int actNumber;
    public LocalDate eventDate;
    public String eventPlace;

    /** The acts naming the person, in the order of their events. */
    public static Uni<List<CivilAct>> naming(String taxId) {
        return list("array_contains(taxIds, ?1) order by eventDate", taxId);
    }

    @Override
    public String keptBy() {
        return registryOffice;
    }

    @Override
    public MarginalNote.RecordKind kind() {
        return MarginalNote.RecordKind.CIVIL_ACT;
    }
}
