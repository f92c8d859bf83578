package gr.mydimos.availability.schedule;

import gr.mydimos.availability.AvailabilityConfig;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.util.Comparator;

/** A municipality's (no service) or one service's booking window; unset fields fall back to the wider setting. */
@Entity
public class BookingPolicy extends PanacheEntityBase {

    /** The window that applies to one service of one municipality. */
    public record Window(Duration minimumNotice, Duration horizon, boolean employeeChoiceAllowed) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String municipalityCode;
    public String serviceId;
    public Integer minimumNoticeMinutes;
    public Integer horizonDays;
    public Boolean employeeChoiceAllowed;

    /** The service's own setting over the municipality's over the configured default. The choice of employee is the municipality's. */
    public static Uni<Window> window(String municipality, String serviceId, AvailabilityConfig defaults) {
        return BookingPolicy.<BookingPolicy>list("municipalityCode = ?1 and (serviceId is null or serviceId = ?2)",
                municipality, serviceId).map(rows -> {
            Duration notice = defaults.minimumNotice();
            Duration horizon = defaults.horizon();
            boolean choice = defaults.employeeChoiceAllowed();
            // municipality row first, then the service row overrides it
            for (BookingPolicy row : rows.stream().sorted(Comparator.comparing(r -> r.serviceId != null)).toList()) {
                if (row.minimumNoticeMinutes != null) {
                    notice = Duration.ofMinutes(row.minimumNoticeMinutes);
                }
                if (row.horizonDays != null) {
                    horizon = Duration.ofDays(row.horizonDays);
                }
                if (row.serviceId == null && row.employeeChoiceAllowed != null) {
                    choice = row.employeeChoiceAllowed;
                }
            }
            return new Window(notice, horizon, choice);
        });
    }
}
