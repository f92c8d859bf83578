package gr.mydimos.booking.booking;

import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.Problems;
import gr.mydimos.problems.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A day's appointments of one municipality for the back office (BK-8), optionally of one unit or employee. */
@ApplicationScoped
public class Agenda {

    @Inject
    BookingConfig config;
    @Inject
    BookingViews views;
    @Inject
    Clock clock;

    /**
     * Clerks and municipal admins see their own municipality (asking for another is a 403); a central admin names the
     * municipality. Cancelled bookings are left out; the day defaults to today in Athens.
     */
    public Uni<List<BookingView>> of(Caller caller, String municipality, LocalDate date, String unit, String employee) {
        String code = municipalityFor(caller, municipality);
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(config.zone()));
        Instant from = day.atStartOfDay(config.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(config.zone()).toInstant();
        StringBuilder query = new StringBuilder("municipalityCode = ?1 and startsAt >= ?2 and startsAt < ?3 and status != ?4");
        List<Object> parameters = new ArrayList<>(List.of(code, from, to, Booking.Status.CANCELLED));
        if (unit != null && !unit.isBlank()) {
            parameters.add(unit);
            query.append(" and unitId = ?").append(parameters.size());
        }
        if (employee != null && !employee.isBlank()) {
            parameters.add(employee);
            query.append(" and employeeId = ?").append(parameters.size());
        }
        query.append(" order by startsAt, employeeId");
        return Panache.withSession(() -> Booking.<Booking>list(query.toString(), parameters.toArray()))
                .flatMap(views::of);
    }

    private static String municipalityFor(Caller caller, String asked) {
        boolean named = asked != null && !asked.isBlank();
        if (caller.isCentralAdmin()) {
            if (!named) {
                throw Problem.invalidField("municipality", "είναι υποχρεωτικό για κεντρικό διαχειριστή", "is required for a central admin");
            }
            return asked;
        }
        if (named && !asked.equals(caller.municipality())) {
            throw Problems.forbidden("municipality", "Το προσωπικό βλέπει μόνο το πρόγραμμα του δικού του δήμου.",
                    "Staff see only their own municipality's agenda.");
        }
        return caller.municipality();
    }
}
