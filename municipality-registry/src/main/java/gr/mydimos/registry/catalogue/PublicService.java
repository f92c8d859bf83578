package gr.mydimos.registry.catalogue;

import gr.mydimos.registry.certificates.Certificate;
import gr.mydimos.registry.municipality.Declaration;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service (θεματικό πεδίο) of the catalogue: who offers it, in which modes, for how long, what to bring (REG-4). */
@Entity
public class PublicService extends PanacheEntityBase {

    public enum Mode { IN_PERSON, PHONE, VIDEO }

    @Schema(requiredProperties = {"mode", "durationMinutes"})
    public record ModeDuration(Mode mode, int durationMinutes) {}

    /**
     * exOfficio: the office retrieves it itself (αυτεπάγγελτα); otherwise the citizen brings it. certificate: the
     * Citizen Registry certificate it is, which makes it ex officio: clerks see it ready for the appointment.
     */
    @Schema(requiredProperties = {"nameEl", "nameEn", "exOfficio"})
    public record Document(String nameEl, String nameEn, boolean exOfficio, Certificate.Type certificate) {}

    @Schema(requiredProperties = {"descriptionEl", "descriptionEn"})
    public record Fee(String descriptionEl, String descriptionEn, BigDecimal amountEuro) {}

    public record Terms(List<ModeDuration> modes, List<Document> documents, List<Fee> fees) {}

    /** The catalogue entry for a service as an admin declares it. */
    public static PublicService from(Declaration.Service declared) {
        PublicService service = new PublicService();
        service.id = declared.id();
        service.unitId = declared.unitId();
        service.nameEl = declared.nameEl();
        service.nameEn = declared.nameEn();
        service.bufferMinutes = declared.bufferMinutes();
        service.terms = new Terms(
                declared.modes().stream().map(m -> new ModeDuration(Mode.valueOf(m.mode().name()), m.durationMinutes())).toList(),
                declared.documents() == null ? List.of() : declared.documents().stream()
                        .map(d -> new Document(d.nameEl(), d.nameEn(), d.exOfficio() || d.certificate() != null,
                                d.certificate())).toList(),
                declared.fees() == null ? List.of() : declared.fees().stream()
                        .map(f -> new Fee(f.descriptionEl(), f.descriptionEn(), f.amountEuro())).toList());
        return service;
    }

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
