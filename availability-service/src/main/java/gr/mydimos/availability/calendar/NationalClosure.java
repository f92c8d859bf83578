package gr.mydimos.availability.calendar;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.List;

/**
 * A day the state closes every municipality's offices beyond the fixed holiday calendar: a moved holiday (which names
 * the date it moved from, on which offices then open) or a day of national mourning. Declared once by a central admin
 * for all municipalities; the known moves are data (V5 migration).
 */
@Entity
public class NationalClosure extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public LocalDate day;
    public String nameEl;
    public String nameEn;
    public LocalDate movedFrom;
    public String declaredBy;

    /** The closures whose day, or the date they moved from, lies in the range. */
    public static Uni<List<NationalClosure>> touching(LocalDate from, LocalDate to) {
        return list("(day between ?1 and ?2) or (movedFrom between ?1 and ?2) order by day", from, to);
    }
}
