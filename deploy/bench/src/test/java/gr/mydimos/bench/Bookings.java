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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            long measuredFrom = phaseStarted.getOrDefault("booking-create", phaseStarted.getOrDefault("confirmation-mail", 0L));
            if (measuredFrom == 0) {
                System.out.println("bench: no measured phase ran");
                return;
            }
            Confirmations confirmations = awaitConfirmations(measuredFrom);
            System.out.println("RESULT " + confirmations.mailDelay());
            System.out.println(figures.span("booking-create", phaseStarted.getOrDefault("booking-create", 0L), 201));
            System.out.println(figures.span("confirmation-mail", phaseStarted.getOrDefault("confirmation-mail", 0L), 201));
            System.out.println(confirmations.span(measuredFrom));
            System.out.printf("RESULT users that found the plan used up: booking-create %d, confirmation-mail %d%n",
                    figures.count("booking-create (plan used up)", -1), figures.count("confirmation-mail (plan used up)", -1));
        } finally {
            LocalSystem.cleanUp();
        }
    }

    /**
     * The bookings of the measured phases (made since {@code fromMillis}), each with when it was booked, whether the
     * confirmation-mail phase made it, and when its confirmation was accepted by SMTP once sent.
     */
    private record Confirmations(Map<String, Instant> booked, Set<String> mailPhase, Map<String, Instant> sent) {

        /** From each confirmation-mail booking's commit to its confirmation accepted by SMTP. */
        String mailDelay() {
            List<Double> delays = new ArrayList<>();
            mailPhase.stream().filter(sent::containsKey)
                    .forEach(r -> delays.add(Duration.between(booked.get(r), sent.get(r)).toNanos() / 1e6));
            delays.sort(Double::compare);
            return "%-16s %6d bookings, %d confirmations sent; commit -> SMTP accepted: p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms"
                    .formatted("mail-delay", mailPhase.size(), delays.size(), LocalSystem.percentile(delays, 50),
                            LocalSystem.percentile(delays, 95), LocalSystem.percentile(delays, 99),
                            delays.isEmpty() ? Double.NaN : delays.get(delays.size() - 1));
        }

        /**
         * A booking's CPU includes its confirmation, but at over 300 bookings a second both cores are busy and the
         * mails fall behind, to be sent after the phase that booked them: this span runs from the measured phases'
         * start until the last confirmation was accepted, over the bookings confirmed (both phases'), so that every
         * mail's cost is inside it.
         */
        String span(long fromMillis) {
            String unsent = sent.size() == booked.size() ? "" : "bench: %d of %d bookings of the measured phases still "
                    .formatted(booked.size() - sent.size(), booked.size()) + "without their confirmation; the span counts the others\n";
            long last = sent.values().stream().mapToLong(Instant::toEpochMilli).max().orElse(fromMillis);
            return unsent + "PHASE bookings-with-their-confirmations %d %d %d".formatted(fromMillis, last, sent.size());
        }
    }

    /** The measured phases' bookings, once each has its confirmation sent (or {@code bench.mail-wait-seconds} passed). */
    private Confirmations awaitConfirmations(long fromMillis) {
        Map<String, Instant> booked = new HashMap<>();
        Set<String> mailPhase = new HashSet<>();
        Map<String, Instant> sent = new HashMap<>();
        try (Connection booking = LocalSystem.database("booking");
             Connection notification = LocalSystem.database("notification");
             var bookings = booking.prepareStatement("SELECT reference, created_at, idempotency_key LIKE 'mail-%' FROM booking "
                     + "WHERE created_at >= ? AND idempotency_key LIKE ? AND person_email LIKE ?");
             // the last per booking: one made for someone else also confirms to the person who booked it
             var confirmed = notification.prepareStatement("SELECT booking_reference, max(sent_at) FROM message "
                     + "WHERE kind = 'CONFIRMATION' AND status = 'SENT' AND booking_reference = ANY (?) GROUP BY booking_reference")) {
            bookings.setObject(1, Instant.ofEpochMilli(fromMillis).atOffset(java.time.ZoneOffset.UTC));
            bookings.setString(2, "%" + run + "-%");
            bookings.setString(3, LocalSystem.EMAIL_LIKE);
            try (ResultSet rows = bookings.executeQuery()) {
                while (rows.next()) {
                    booked.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                    if (rows.getBoolean(3)) {
                        mailPhase.add(rows.getString(1));
                    }
                }
            }
            confirmed.setArray(1, notification.createArrayOf("text", booked.keySet().toArray(String[]::new)));
            long deadline = System.nanoTime() + Duration.ofSeconds(LocalSystem.intProperty("bench.mail-wait-seconds", 180)).toNanos();
            while (true) {
                try (ResultSet rows = confirmed.executeQuery()) {
                    while (rows.next()) {
                        sent.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                    }
                }
                if (sent.size() == booked.size() || System.nanoTime() > deadline) {
                    return new Confirmations(booked, mailPhase, sent);
                }
                Thread.sleep(1000);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
