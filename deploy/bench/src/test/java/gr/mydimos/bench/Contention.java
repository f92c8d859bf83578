package gr.mydimos.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Contention (issue 9): {@code bench.requests} (1,000) citizens' requests at once for 10 slots — ten start times of one
 * employee, named in the request (Thessaloniki lets people choose). Exactly 10 bookings must result, every other answer
 * a 409, none a 5xx; the database is then checked for the same ten and no overlap.
 */
public class Contention extends Simulation {

    private static final String MUNICIPALITY = "thessaloniki";
    private static final String SERVICE = "thessaloniki-registry-certificate";
    private final int requests = LocalSystem.intProperty("bench.requests", 1000);
    private final String run = "race-" + UUID.randomUUID().toString().substring(0, 8);
    private final Figures figures = new Figures();
    private final List<String> starts = new ArrayList<>();
    private String employee;
    private long began;

    public Contention() {
        LocalSystem.cleanUp();
        JsonNode employees = LocalSystem.get(LocalSystem.AVAILABILITY + "/api/availability/slots/employees?municipality="
                + MUNICIPALITY + "&service=" + SERVICE).path("employees");
        employee = employees.get(0).path("id").asText();
        for (LocalDate day = LocalDate.now(LocalSystem.ATHENS).plusWeeks(3); starts.size() < 10; day = day.plusDays(1)) {
            for (JsonNode slot : LocalSystem.get(LocalSystem.AVAILABILITY + "/api/availability/slots?municipality=" + MUNICIPALITY
                    + "&service=" + SERVICE + "&mode=IN_PERSON&employee=" + employee + "&from=" + day + "&to=" + day)) {
                if (starts.size() < 10) {
                    starts.add(slot.path("start").asText());
                }
            }
        }
        List<LocalSystem.Citizen> citizens = LocalSystem.citizens(LocalSystem.intProperty("bench.citizens", 300));
        List<Map<String, Object>> plan = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            LocalSystem.Citizen citizen = citizens.get(i % citizens.size());
            ObjectNode body = (ObjectNode) LocalSystem.read(LocalSystem.bookingBody(new LocalSystem.FreeTime(MUNICIPALITY, SERVICE,
                    null, starts.get(i % starts.size()), null, null), citizen.username() + "@example.gr"));
            body.put("employee", employee);
            plan.add(new HashMap<>(Map.of("token", citizen.token(), "key", run + "-" + i, "body", body.toString())));
        }
        System.out.printf("contention: %d requests by %d citizens for %d times of employee %s: %s%n", requests,
                Math.min(requests, citizens.size()), starts.size(), employee, starts);

        ScenarioBuilder race = scenario("contention").feed(listFeeder(plan).queue())
                .exec(session -> {
                    synchronized (this) {
                        if (began == 0) {
                            began = System.currentTimeMillis();
                        }
                    }
                    return session;
                })
                .exec(figures.timedBooking("contention", 201, 409));
        setUp(race.injectOpen(atOnceUsers(requests)))
                .protocols(http.baseUrl(LocalSystem.GATEWAY).contentTypeHeader("application/json").acceptHeader("application/json"));
    }

    @Override
    public void after() {
        try (Connection booking = LocalSystem.database("booking");
             Connection availability = LocalSystem.database("availability")) {
            long booked;
            try (var query = booking.prepareStatement("SELECT count(*) FROM booking WHERE idempotency_key LIKE ? AND status = 'CONFIRMED'")) {
                query.setString(1, run + "-%");
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    booked = rows.getLong(1);
                }
            }
            long held;
            try (var query = availability.prepareStatement("SELECT count(*) FROM reservation WHERE employee_id = ? AND status = "
                    + "'CONFIRMED' AND starts_at = ANY (?)")) {
                query.setString(1, employee);
                query.setArray(2, availability.createArrayOf("timestamptz", starts.stream()
                        .map(s -> java.sql.Timestamp.from(java.time.OffsetDateTime.parse(s).toInstant())).toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    held = rows.getLong(1);
                }
            }
            System.out.println();
            System.out.println("RESULT " + figures.line("contention", began));
            System.out.println(figures.span("contention", began, 201, 409));
            System.out.printf("RESULT contention: %d answered 201, %d answered 409, %d other; %d bookings in the database, "
                            + "%d reservations of the employee at those times (expected 10, 10, 10)%n",
                    figures.count("contention", 201), figures.count("contention", 409),
                    requests - figures.count("contention", 201) - figures.count("contention", 409), booked, held);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            LocalSystem.cleanUp();
        }
    }
}
