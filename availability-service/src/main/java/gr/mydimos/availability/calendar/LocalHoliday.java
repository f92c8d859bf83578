package gr.mydimos.availability.calendar;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** A municipality's own holiday: a fixed date each year, or a number of days from Orthodox Easter. */
@Entity
public class LocalHoliday extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String municipalityCode;
    public Short month;
    public Short day;
    public Short easterOffset;
    public String nameEl;
    public String nameEn;

    /** The holiday's date in the given year (a 29 February holiday falls on the 28th in other years). */
    public LocalDate in(int year, NationalHolidays national) {
        if (easterOffset != null) {
            return national.orthodoxEaster(year).plusDays(easterOffset);
        }
        return java.time.MonthDay.of(month, day).atYear(year);
    }
}
