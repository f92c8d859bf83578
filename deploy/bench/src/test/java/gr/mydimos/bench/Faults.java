package gr.mydimos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The booking side of the fault suite (deploy/local/faults), in two steps around the fault the script causes:
 * <ul>
 * <li>{@code book FILE COUNT PER_SECOND [CANCEL_EVERY]}: citizens book at a steady pace through the gateway, as a
 * person would: a booking that meets a 5xx or no answer is sent again with the same Idempotency-Key until it is
 * accepted (at most {@code bench.retry-seconds}). Each booking has an address of its own; the accepted ones go to FILE.
 * With CANCEL_EVERY, every so many accepted bookings are cancelled at once (sent again the same way), so that the
 * fault also meets the cancellation's path: its mail, and availability releasing the time. With
 * {@code -Dbench.cancel-when=PATH}, those cancellations wait until every booking is sent and PATH exists, so that the
 * script can cause its fault in between. FILE{@code .started} is written as the first booking is sent, FILE{@code .booked}
 * once all are; every booking must be accepted.</li>
 * <li>{@code verify FILE}: waits until every kept booking's confirmation has arrived at the mail server and its time is
 * reserved, and every cancelled one's cancellation has arrived and its time is free again (at most
 * {@code bench.mail-wait-seconds}), then prints sent, received, lost and duplicated.</li>
 * </ul>
 */
public final class Faults {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "book" -> book(Path.of(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 0);
            case "verify" -> verify(Path.of(args[1]));
            default -> throw new IllegalArgumentException("book FILE COUNT PER_SECOND [CANCEL_EVERY] | verify FILE");
        }
    }

    private static void book(Path file, int count, double perSecond, int cancelEvery) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalSystem.cleanUp(); // what an earlier scenario booked would hold the times and the citizens' one-per-service
        List<LocalSystem.Citizen> citizens = LocalSystem.citizens(Math.min(count, 100));
        List<Map<String, Object>> plan = LocalSystem.bookingRequests(citizens, LocalSystem.freeTimes(count), run);
        Duration patience = Duration.ofSeconds(LocalSystem.intProperty("bench.retry-seconds", 180));
        Map<Integer, Integer> firstAnswers = new TreeMap<>();
        Map<Integer, Integer> firstCancelAnswers = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<String, Map<String, Object>> toCancel = new java.util.LinkedHashMap<>(); // reference: its request
        String cancelWhen = System.getProperty("bench.cancel-when");
        int retried = 0;
        long interval = (long) (1_000_000_000L / perSecond);
        Files.deleteIfExists(Path.of(file + ".booked"));
        Files.writeString(Path.of(file + ".started"), run); // the script times its fault from here
        long next = System.nanoTime();
        for (int i = 0; i < plan.size(); i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += interval;
            String email = "bench-f" + run + "-" + i + "@example.gr";
            String body = ((String) plan.get(i).get("body")).replace(emailOf(plan.get(i)), email);
            HttpRequest request = HttpRequest.newBuilder(URI.create(LocalSystem.GATEWAY + "/api/bookings"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + plan.get(i).get("token"))
                    .header("Idempotency-Key", (String) plan.get(i).get("key"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            Answer answer = untilAnswered(request, patience);
            firstAnswers.merge(answer.first(), 1, Integer::sum);
            retried += answer.repeats();
            if (answer.first() == 409) { // the plan means none: say which rule refused it
                System.out.printf("  409 %s for %s%n", LocalSystem.read(answer.body()).path("type").asText(), body);
            }
            if (answer.status() != 201) {
                refused.add(answer.status() + " " + answer.body());
                continue;
            }
            String reference = LocalSystem.read(answer.body()).path("reference").asText();
            if (cancelEvery > 0 && (accepted.size() + toCancel.size()) % cancelEvery == 0) {
                if (cancelWhen == null) {
                    retried += cancel(reference, plan.get(i), patience, firstCancelAnswers);
                    accepted.add(reference + " " + email + " " + CANCELLED);
                } else {
                    toCancel.put(reference + " " + email, plan.get(i));
                }
            } else {
                accepted.add(reference + " " + email);
            }
        }
        Files.writeString(Path.of(file + ".booked"), run);
        if (!toCancel.isEmpty()) {
            Path when = Path.of(cancelWhen);
            for (long giveUp = System.nanoTime() + patience.toNanos(); !Files.exists(when); Thread.sleep(100)) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException(when + " never appeared");
                }
            }
            for (Map.Entry<String, Map<String, Object>> booking : toCancel.entrySet()) {
                retried += cancel(booking.getKey().split(" ")[0], booking.getValue(), patience, firstCancelAnswers);
                accepted.add(booking.getKey() + " " + CANCELLED);
            }
        }
        Files.write(file, accepted);
        System.out.printf("RESULT faults: %d bookings sent; first answers %s, to cancellations %s; %d repeats with the"
                        + " same key; %d accepted, %d of them cancelled%n", plan.size(), firstAnswers, firstCancelAnswers,
                retried, accepted.size(), accepted.stream().filter(line -> line.endsWith(" " + CANCELLED)).count());
        if (!refused.isEmpty()) { // the plan holds free times only, and a person tries until accepted: none may be left
            refused.forEach(answer -> System.out.println("  not accepted: " + answer));
            System.exit(1);
        }
        if (answered500 > 0) { // a fault may ask to retry, never fail: first answers, repeats and checks alike
            System.out.printf("  %d answers 500, the system failing, where an outage must be answered 503 to retry%n",
                    answered500);
            System.exit(1);
        }
    }

    /** Cancels as a person would, until answered; returns how often it was sent again. */
    private static int cancel(String reference, Map<String, Object> request, Duration patience,
                              Map<Integer, Integer> firstAnswers) throws InterruptedException {
        Answer cancel = untilAnswered(HttpRequest.newBuilder(
                        URI.create(LocalSystem.GATEWAY + "/api/bookings/" + reference + "/cancel"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + request.get("token"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), patience);
        firstAnswers.merge(cancel.first(), 1, Integer::sum);
        if (cancel.status() != 200 && !(cancel.repeats() > 0 && cancelledAlready(reference, request, patience))) {
            throw new IllegalStateException("cancelling " + reference + " answered " + cancel.status() + ": " + cancel.body());
        }
        return cancel.repeats();
    }

    private static final String CANCELLED = "cancelled";

    /** A repeated cancellation is refused when an earlier one, its answer lost, went through: then it shows. */
    private static boolean cancelledAlready(String reference, Map<String, Object> request, Duration patience)
            throws InterruptedException {
        Answer booking = untilAnswered(HttpRequest.newBuilder(URI.create(LocalSystem.GATEWAY + "/api/bookings/" + reference))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + request.get("token")).build(), patience);
        return booking.status() == 200 && "CANCELLED".equals(LocalSystem.read(booking.body()).path("status").asText());
    }

    /** Answers 500 to any request sent, first or repeated. */
    private static int answered500;

    /** The first status seen, the last one and its body, and how often the request was sent again. */
    private record Answer(int first, int status, String body, int repeats) {}

    /** Sends until answered with neither a 5xx nor silence (a person retrying), or until patience runs out. */
    private static Answer untilAnswered(HttpRequest request, Duration patience) throws InterruptedException {
        long giveUp = System.nanoTime() + patience.toNanos();
        int first = -1;
        int repeats = 0;
        while (true) {
            int status;
            String body = "";
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
            } catch (IOException e) {
                status = 0; // no answer at all
            }
            if (first < 0) {
                first = status;
            }
            if (status == 500) {
                answered500++;
            }
            if ((status != 0 && status < 500) || System.nanoTime() > giveUp) {
                return new Answer(first, status, body, repeats);
            }
            repeats++;
            Thread.sleep(1000);
        }
    }

    private static String emailOf(Map<String, Object> request) {
        return LocalSystem.read((String) request.get("body")).path("person").path("email").asText();
    }

    private static void verify(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        long deadline = System.nanoTime() + Duration.ofSeconds(LocalSystem.intProperty("bench.mail-wait-seconds", 180)).toNanos();
        Map<String, Delivered> delivered = delivered(lines);
        while (!delivered.values().stream().allMatch(Delivered::complete) && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            delivered = delivered(lines);
        }
        Thread.sleep(5000); // a late duplicate would arrive now
        delivered = delivered(lines);
        long lost = delivered.values().stream().filter(d -> !d.complete()).count();
        long duplicated = delivered.values().stream().mapToLong(Delivered::surplus).sum();
        long mails = delivered.values().stream().mapToLong(d -> d.confirmations + d.cancellations).sum();
        long cancelled = lines.stream().filter(line -> line.endsWith(" " + CANCELLED)).count();
        long stillHeld = delivered.values().stream().filter(d -> d.cancelled && d.reserved > 0).count();
        long unreserved = delivered.values().stream().filter(d -> !d.cancelled && d.reserved != 1).count();
        System.out.printf("RESULT faults: %d bookings accepted (%d cancelled), %d mails received, lost %d, duplicated %d,"
                + " cancelled times still held %d, kept bookings without their time %d%n", lines.size(), cancelled, mails,
                lost, duplicated, stillHeld, unreserved);
        LocalSystem.cleanUp();
        if (lost > 0 || duplicated > 0 || stillHeld > 0 || unreserved > 0) {
            delivered.forEach((booking, d) -> {
                if (!d.complete() || d.surplus() > 0) {
                    System.out.printf("  %s: %s%n", booking, d);
                }
            });
            System.exit(1);
        }
    }

    /**
     * What arrived about one booking, and the time availability keeps for it. Kept: one confirmation, no cancellation,
     * its time reserved. Cancelled: one cancellation, at most one confirmation (a confirmation still pending when the
     * cancellation came is withdrawn, rightly), and its time free again.
     */
    private record Delivered(boolean cancelled, int confirmations, int cancellations, long reserved) {
        boolean complete() {
            return cancelled ? cancellations >= 1 && reserved == 0 : confirmations >= 1 && reserved == 1;
        }

        long surplus() {
            return cancelled ? Math.max(0, cancellations - 1) + Math.max(0, confirmations - 1)
                    : Math.max(0, confirmations - 1) + cancellations;
        }
    }

    private static Map<String, Delivered> delivered(List<String> lines) throws Exception {
        Map<String, Delivered> delivered = new TreeMap<>();
        try (Connection availability = LocalSystem.database("availability");
             PreparedStatement held = availability.prepareStatement(
                     "SELECT count(*) FROM reservation WHERE booking_reference = ? AND status = 'CONFIRMED'")) {
            for (String line : lines) {
                String[] fields = line.split(" ");
                boolean cancelled = fields.length > 2 && CANCELLED.equals(fields[2]);
                int confirmations = 0;
                int cancellations = 0;
                for (JsonNode mail : LocalSystem.inbox(fields[1])) {
                    String subject = mail.path("subject").asText();
                    if (subject.equals("Επιβεβαίωση ραντεβού " + fields[0])) {
                        confirmations++;
                    } else if (subject.equals("Ακύρωση ραντεβού " + fields[0])) {
                        cancellations++;
                    }
                }
                held.setString(1, fields[0]);
                long reserved;
                try (ResultSet rows = held.executeQuery()) {
                    reserved = rows.next() ? rows.getLong(1) : 0;
                }
                delivered.put(line, new Delivered(cancelled, confirmations, cancellations, reserved));
            }
        }
        return delivered;
    }
}
