package gr.mydimos.availability.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** Opening hours of a unit on one weekday; a row with a service overrides the unit's rows for that service. */
@Entity
public class WeeklyHours extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String unitId;
    public String serviceId;
    public short dayOfWeek;
    public LocalTime opens;
    public LocalTime closes;

    public DayOfWeek day() {
        return DayOfWeek.of(dayOfWeek);
    }

    /** The hours that apply to the service: its own rows when it has any, otherwise its unit's. */
    public static Uni<List<WeeklyHours>> forService(String unitId, String serviceId) {
        return WeeklyHours.<WeeklyHours>find("unitId = ?1 and (serviceId is null or serviceId = ?2)", unitId, serviceId)
                .list()
                .map(rows -> {
                    List<WeeklyHours> own = rows.stream().filter(r -> serviceId.equals(r.serviceId)).toList();
                    return own.isEmpty() ? rows : own;
                });
    }
}
