package gr.mydimos.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Citizens booking through the gateway (issue 9), in three phases one after the other:
 * <ol>
 * <li><b>warm-up</b> (not measured): book and cancel again, until the services' JIT has compiled the hot paths;</li>
 * <li><b>booking-create</b>, closed model: {@code bench.users} citizens each send a booking, and the next as soon as
 * it is answered, for {@code bench.seconds} — the throughput the system sustains, and its latency
 * (target: at least 10 % of pgbench's one-row-insert TPS, p99 at most 150 ms);</li>
 * <li><b>confirmation-mail</b>, open model: {@code bench.rate} new bookings a second for {@code bench.seconds}, then
 * the time from each booking's commit to its confirmation being accepted by the mail server (target: p99 at most
 * 2 s at 200 bookings a second). More than the system books a second, this is also the overload: the answers by
 * status tell how many were admitted and how fast, and whether the excess was refused at once (503, Retry-After).</li>
 * </ol>
 * Every booking is by a distinct free time, each citizen at most one per service (the system's own rule).
 */
public class Bookings extends Simulation {

    private final int users = LocalSystem.intProperty("bench.users", 16);
    private final int seconds = LocalSystem.intProperty("bench.seconds", 20);
    private final int warmupSeconds = LocalSystem.intProperty("bench.warmup-seconds", 300);
    private final int rate = LocalSystem.intProperty("bench.rate", 200);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Figures figures = new Figures();
    private final Map<String, Long> phaseStarted = new HashMap<>();

    public Bookings() {
        LocalSystem.cleanUp();
        // 200 a second for 20 s and a booking-create phase of 20 s at up to 330 a second need 11,000 distinct free times
        // and, as a person books each service once, 1,500 citizens: the demo's units get more staff for the run
        LocalSystem.addStaff(LocalSystem.intProperty("bench.staff-per-unit", 8));
        List<LocalSystem.Citizen> citizens = LocalSystem.citizens(LocalSystem.intProperty("bench.citizens", 1500));
        List<Map<String, Object>> requests = LocalSystem.bookingRequests(citizens,
                LocalSystem.freeTimes(LocalSystem.intProperty("bench.bookings", 11000)), run);
        int warmupRows = Math.min(400, requests.size() / 4);
        List<Map<String, Object>> warmup = requests.subList(0, warmupRows);
        List<Map<String, Object>> rest = requests.subList(warmupRows, requests.size());
        int mailRows = Math.min(rest.size() / 2, rate * seconds);
        List<Map<String, Object>> created = new ArrayList<>(rest.subList(0, rest.size() - mailRows));
        List<Map<String, Object>> mailed = new ArrayList<>(rest.subList(rest.size() - mailRows, rest.size()));
        mailed.forEach(r -> r.put("key", "mail-" + r.get("key")));
        System.out.printf("bench: %d citizens signed in; %d free times planned (%d warm-up, %d booking-create, %d confirmation-mail)%n",
                citizens.size(), requests.size(), warmup.size(), created.size(), mailed.size());

        keepSignedIn(citizens, requests, warmup);

        // warm-up: a booking and its cancellation, over a few hundred times used again and again (a 401, an expired
        // token, warms nothing: shown as KO)
        ScenarioBuilder warm = scenario("warm-up").feed(cycling(warmup))
                .exec(http("warm-up book").post("/api/bookings").header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{key}-#{randomUuid()}").body(StringBody("#{body}"))
                        .check(status().not(401).saveAs("status")).check(io.gatling.javaapi.core.CoreDsl.jsonPath("$.reference").optional().saveAs("reference")))
                .doIf(session -> session.contains("reference")).then(
                        io.gatling.javaapi.core.CoreDsl.exec(http("warm-up cancel").post("/api/bookings/#{reference}/cancel")
                                .header("Authorization", "Bearer #{token}")));
        ScenarioBuilder create = scenario("booking-create").feed(untilUsedUp(created)).exec(measured("booking-create"));
        ScenarioBuilder mail = scenario("confirmation-mail").feed(untilUsedUp(mailed)).exec(measured("confirmation-mail"));

        setUp(warm.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(warmupSeconds)))
                .andThen(create.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(seconds)))
                        .andThen(mail.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))))))
                .protocols(http.baseUrl(LocalSystem.GATEWAY).contentTypeHeader("application/json")
                        .acceptHeader("application/json"));
    }

    /**
     * Access tokens live five minutes (the realm's setting), less than a warm-up long enough for the services' JIT to
     * settle. The citizens' tokens are refreshed during the warm-up (refresh tokens: no password hashing), the warm-up's
     * citizens first, and every planned request not yet sent carries its citizen's new token as soon as it arrives — a
     * request with an expired token is answered 401 in a moment, and a warm-up of those warms nothing. Rounds are at most
     * two minutes apart, the last a minute before the measured phases, so that none runs during them (Keycloak's work
     * would be counted) and its tokens outlive them.
     */
    private void keepSignedIn(List<LocalSystem.Citizen> citizens, List<Map<String, Object>> requests,
                              List<Map<String, Object>> warmup) {
        Map<String, List<Map<String, Object>>> byCitizen = new HashMap<>();
        requests.forEach(r -> byCitizen.computeIfAbsent((String) r.get("citizen"), c -> new ArrayList<>()).add(r));
        Map<String, String> refresh = new LinkedHashMap<>();
        warmup.forEach(r -> refresh.put((String) r.get("citizen"), null));
        citizens.forEach(c -> refresh.put(c.username(), c.refreshToken()));
        TreeSet<Integer> rounds = new TreeSet<>(List.of(0));
        for (int at = warmupSeconds - 60; at > 0; at -= 120) {
            rounds.add(at);
        }
        Thread keeper = new Thread(() -> {
            long started = System.currentTimeMillis();
            for (int at : rounds) {
                try {
                    Thread.sleep(Math.max(0, started + at * 1000L - System.currentTimeMillis()));
                } catch (InterruptedException stopped) {
                    return;
                }
                long from = System.currentTimeMillis();
                try {
                    LocalSystem.refresh(new LinkedHashMap<>(refresh), (citizen, tokens) -> {
                        refresh.put(citizen, tokens.refresh()); // a key already there: no change to the map's structure
                        byCitizen.getOrDefault(citizen, List.of()).forEach(r -> r.put("token", tokens.access()));
                    });
                } catch (RuntimeException failed) { // the 401s that follow are KOs; say why
                    System.out.printf("bench: refreshing the citizens' tokens failed: %s%n", failed);
                }
                long done = System.currentTimeMillis();
                System.out.printf("bench: %d citizens' tokens refreshed in %.1f s, %.0f s before the measured phases%n",
                        refresh.size(), (done - from) / 1000.0, warmupSeconds - (done - started) / 1000.0);
            }
        }, "keep-signed-in");
        keeper.setDaemon(true);
        keeper.start();
    }

    /**
     * The records again and again, each read when fed: a list feeder would copy them when built, and keep the tokens of
     * the first sign-in after the second.
     */
    private static java.util.Iterator<Map<String, Object>> cycling(List<Map<String, Object>> records) {
        return java.util.stream.IntStream.iterate(0, i -> (i + 1) % records.size()).mapToObj(records::get).iterator();
    }

    /** The planned requests, then a marker: a phase that outruns its plan stops sending rather than crash Gatling. */
    private static java.util.Iterator<Map<String, Object>> untilUsedUp(List<Map<String, Object>> planned) {
        return java.util.stream.Stream.concat(planned.stream(),
                java.util.stream.Stream.generate(() -> Map.<String, Object>of("usedUp", true))).iterator();
    }

    /** The booking request, timed into the phase's figures. */
    private ChainBuilder measured(String phase) {
        // a user that finds the plan used up waits out the phase instead of coming straight back for more
        return io.gatling.javaapi.core.CoreDsl.doIf(session -> session.contains("usedUp")).then(
                        io.gatling.javaapi.core.CoreDsl.exec(session -> {
                            figures.record(phase + " (plan used up)", 0, -1);
                            return session;
                        }).pause(Duration.ofSeconds(seconds)))
                .exitHereIf(session -> session.contains("usedUp"))
                .exec(session -> {
                    phaseStarted.putIfAbsent(phase, System.currentTimeMillis());
                    return session;
                })
                .exec(figures.timedBooking(phase, 201));
    }

    @Override
    public void after() {
        try {
            System.out.println();
            System.out.println("RESULT " + figures.line("booking-create", phaseStarted.getOrDefault("booking-create", 0L))
                    + "   (" + users + " concurrent citizens)");
            System.out.println("RESULT " + figures.line("confirmation-mail", phaseStarted.getOrDefault("confirmation-mail", 0L))
                    + "   (offered " + rate + "/s)");
            System.out.println("RESULT overload, offered " + rate + "/s: " + figures.byStatus("confirmation-mail"));
            System.out.println("RESULT " + confirmationDelays());
            System.out.println(figures.span("booking-create", phaseStarted.getOrDefault("booking-create", 0L), 201));
            System.out.println(figures.span("confirmation-mail", phaseStarted.getOrDefault("confirmation-mail", 0L), 201));
            System.out.println(withConfirmations(phaseStarted.getOrDefault("booking-create", 0L)));
            System.out.printf("RESULT users that found the plan used up: booking-create %d, confirmation-mail %d%n",
                    figures.count("booking-create (plan used up)", -1), figures.count("confirmation-mail (plan used up)", -1));
        } finally {
            LocalSystem.cleanUp();
        }
    }

    /**
     * A booking's CPU includes its confirmation, but at over 300 bookings a second both cores are busy and the mails
     * fall behind, to be sent after the phase that booked them: this span runs from the booking-create phase's start
     * until the last confirmation of a booking made since then was accepted, over those bookings (both phases'), so
     * that every mail's cost is inside it. Read after {@link #confirmationDelays}, which waits for the second phase's
     * mails; this waits a little more for any of the first's.
     */
    private String withConfirmations(long startedMillis) {
        if (startedMillis == 0) {
            return "bench: no booking-create phase ran, so no span of bookings with their confirmations";
        }
        try (Connection booking = LocalSystem.database("booking");
             Connection notification = LocalSystem.database("notification");
             var booked = booking.prepareStatement("SELECT array_agg(reference) FROM booking WHERE created_at >= ? "
                     + "AND idempotency_key LIKE ? AND person_email LIKE ?");
             // distinct: a booking made for someone else has a second confirmation, to the person who booked it
             var sent = notification.prepareStatement("SELECT max(sent_at), count(DISTINCT booking_reference) FROM message "
                     + "WHERE kind = 'CONFIRMATION' AND status = 'SENT' AND booking_reference = ANY (?)")) {
            booked.setObject(1, java.time.Instant.ofEpochMilli(startedMillis).atOffset(java.time.ZoneOffset.UTC));
            booked.setString(2, "%" + run + "-%");
            booked.setString(3, LocalSystem.EMAIL_LIKE);
            String[] references;
            try (ResultSet rows = booked.executeQuery()) {
                rows.next();
                references = rows.getArray(1) == null ? new String[0] : (String[]) rows.getArray(1).getArray();
            }
            sent.setArray(1, notification.createArrayOf("text", references));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                try (ResultSet rows = sent.executeQuery()) {
                    rows.next();
                    long confirmed = rows.getLong(2);
                    if (confirmed == references.length || System.nanoTime() > deadline) {
                        String unsent = confirmed == references.length ? "" : "bench: %d of %d bookings since booking-create's "
                                .formatted(references.length - confirmed, references.length)
                                + "start still without their confirmation; the span counts those that have one\n";
                        return unsent + "PHASE bookings-with-their-confirmations %d %d %d".formatted(startedMillis,
                                confirmed == 0 ? startedMillis : rows.getTimestamp(1).getTime(), confirmed);
                    }
                }
                Thread.sleep(1000);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** From each confirmation-mail booking's commit to its confirmation accepted by SMTP, once all are sent. */
    private String confirmationDelays() {
        Map<String, java.time.Instant> created = new HashMap<>();
        try (Connection booking = LocalSystem.database("booking");
             ResultSet rows = booking.createStatement().executeQuery("SELECT reference, created_at FROM booking WHERE "
                     + "idempotency_key LIKE 'mail-" + run + "-%' AND person_email LIKE '" + LocalSystem.EMAIL_LIKE + "'")) {
            while (rows.next()) {
                created.put(rows.getString(1), rows.getTimestamp(2).toInstant());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<Double> delays = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(LocalSystem.intProperty("bench.mail-wait-seconds", 180)).toNanos();
        int sent = 0;
        try (Connection notification = LocalSystem.database("notification")) {
            do {
                delays.clear();
                try (var query = notification.prepareStatement("SELECT booking_reference, sent_at FROM message WHERE kind = 'CONFIRMATION'"
                        + " AND status = 'SENT' AND booking_reference = ANY (?)")) {
                    query.setArray(1, notification.createArrayOf("text", created.keySet().toArray(String[]::new)));
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            java.time.Instant at = rows.getTimestamp(2).toInstant();
                            delays.add(Duration.between(created.get(rows.getString(1)), at).toNanos() / 1e6);
                        }
                    }
                }
                sent = delays.size();
                if (sent < created.size()) {
                    Thread.sleep(1000);
                }
            } while (sent < created.size() && System.nanoTime() < deadline);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        delays.sort(Double::compare);
        return "%-16s %6d bookings, %d confirmations sent; commit -> SMTP accepted: p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms"
                .formatted("mail-delay", created.size(), sent, LocalSystem.percentile(delays, 50),
                        LocalSystem.percentile(delays, 95), LocalSystem.percentile(delays, 99),
                        delays.isEmpty() ? Double.NaN : delays.get(delays.size() - 1));
    }
}
