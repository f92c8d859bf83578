package gr.mydimos.registry.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service (θεματικό πεδίο) of the catalogue: who offers it, in which modes, for how long, what to bring (REG-4). */
@Entity
@Table(name = "public_service")
public class PublicService extends PanacheEntityBase {

    public enum Mode { IN_PERSON, PHONE, VIDEO }

    public record ModeDuration(Mode mode, int durationMinutes) {}

    /** exOfficio: the office retrieves it itself (αυτεπάγγελτα); otherwise the citizen brings it. */
    public record Document(String nameEl, String nameEn, boolean exOfficio) {}

    public record Fee(String descriptionEl, String descriptionEn, BigDecimal amountEuro) {}

    public record Terms(List<ModeDuration> modes, List<Document> documents, List<Fee> fees) {}

    @Id
    public String id;
    @Column(name = "unit_id")
    public String unitId;
    @Column(name = "name_el")
    public String nameEl;
    @Column(name = "name_en")
    public String nameEn;
    @JdbcTypeCode(SqlTypes.JSON)
    public Terms terms;
    @Column(name = "buffer_minutes")
    public int bufferMinutes;
    @Column(name = "notes_el")
    public String notesEl;
    @Column(name = "notes_en")
    public String notesEn;
}
