package gr.mydimos.availability.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A weekly template of working hours with a validity period (AV-1): of a unit, of one service of a unit, or of one
 * employee. Null bounds are open. Of the templates of one owner valid on a date, the latest-starting one applies.
 */
@Entity
public class ScheduleTemplate extends PanacheEntityBase {

    /** One opening period on a weekday (1 = Monday), local times "HH:mm". */
    public record Period(int day, String opens, String closes) {}

    /** The week as stored: an object, because Hibernate Reactive maps top-level JSON arrays poorly. */
    public record Week(List<Period> periods) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String unitId;
    public String serviceId;
    public String employeeId;
    public LocalDate validFrom;
    public LocalDate validUntil;
    @JdbcTypeCode(SqlTypes.JSON)
    public Week week;
    public boolean declaredByRegistry;

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
    }
}
