package gr.mydimos.registry.onboarding;

import gr.mydimos.registry.municipality.Declaration;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A municipality's request to join, with what it declared and the central admin's decision. */
@Entity
public class OnboardingRequest extends PanacheEntityBase {

    public enum Status { SUBMITTED, APPROVED, REJECTED }

    @Id
    public UUID id;
    public String municipalityCode;
    @JdbcTypeCode(SqlTypes.JSON)
    public Declaration declaration;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String submittedBy;
    public Instant submittedAt;
    public String decidedBy;
    public Instant decidedAt;
    public String decisionReason;
    /** The act of the Secretary General that approved it (seed 004 Art.6§3). */
    public String actNumber;
    public LocalDate actDate;
}
