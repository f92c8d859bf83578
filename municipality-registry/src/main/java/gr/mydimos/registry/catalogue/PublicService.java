package gr.mydimos.registry.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service (θεματικό πεδίο) of the catalogue: who offers it, in which modes, for how long, what to bring (REG-4). */
@Entity
public class PublicService extends PanacheEntityBase {

    public enum Mode { IN_PERSON, PHONE, VIDEO }

    public record ModeDuration(Mode mode, int durationMinutes) {}

    /** exOfficio: the office retrieves it itself (αυτεπάγγελτα); otherwise the citizen brings it. */
    public record Document(String nameEl, String nameEn, boolean exOfficio) {}

    public record Fee(String descriptionEl, String descriptionEn, BigDecimal amountEuro) {}

    public record Terms(List<ModeDuration> modes, List<Document> documents, List<Fee> fees) {}

    @Id
    public String id;
    public String unitId;
    public String nameEl;
    public String nameEn;
    @JdbcTypeCode(SqlTypes.JSON)
    public Terms terms;
    public int bufferMinutes;
    public String notesEl;
    public String notesEn;
}
