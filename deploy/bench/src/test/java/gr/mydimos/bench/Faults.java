package gr.mydimos.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The booking side of the fault suite (deploy/local/faults), in two steps around the fault the script causes:
 * <ul>
 * <li>{@code book FILE COUNT PER_SECOND}: citizens book at a steady pace through the gateway, as a person would: a
 * booking that meets a 5xx or no answer is sent again with the same Idempotency-Key until it is accepted (at most
 * {@code bench.retry-seconds}). Each booking has an address of its own; the accepted ones go to FILE.</li>
 * <li>{@code verify FILE}: waits until every accepted booking's confirmation has arrived at the mail server (at most
 * {@code bench.mail-wait-seconds}), then prints sent, received, lost and duplicated.</li>
 * </ul>
 */
public final class Faults {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "book" -> book(Path.of(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]));
            case "verify" -> verify(Path.of(args[1]));
            default -> throw new IllegalArgumentException("book FILE COUNT PER_SECOND | verify FILE");
        }
    }

    private static void book(Path file, int count, double perSecond) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalSystem.cleanUp(); // what an earlier scenario booked would hold the times and the citizens' one-per-service
        List<LocalSystem.Citizen> citizens = LocalSystem.citizens(Math.min(count, 100));
        List<Map<String, Object>> plan = LocalSystem.bookingRequests(citizens, LocalSystem.freeTimes(count), run);
        Duration patience = Duration.ofSeconds(LocalSystem.intProperty("bench.retry-seconds", 180));
        Map<Integer, Integer> firstAnswers = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        int retried = 0;
        long interval = (long) (1_000_000_000L / perSecond);
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
            long giveUp = System.nanoTime() + patience.toNanos();
            boolean first = true;
            while (true) {
                int status;
                String answer = "";
                try {
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    answer = response.body();
                } catch (IOException e) {
                    status = 0; // no answer at all
                }
                if (first) {
                    firstAnswers.merge(status, 1, Integer::sum);
                    first = false;
                    if (status == 409) { // the plan means none: say which rule refused it
                        System.out.printf("  409 %s for %s%n", LocalSystem.read(answer).path("type").asText(), body);
                    }
                }
                if (status == 201) {
                    accepted.add(LocalSystem.read(answer).path("reference").asText() + " " + email);
                    break;
                }
                if ((status != 0 && status < 500) || System.nanoTime() > giveUp) {
                    break; // refused for a reason of its own (a 409), or given up
                }
                retried++;
                Thread.sleep(1000);
            }
        }
        Files.write(file, accepted);
        System.out.printf("RESULT faults: %d bookings sent; first answers %s; %d repeats with the same key; %d accepted%n",
                plan.size(), firstAnswers, retried, accepted.size());
    }

    private static String emailOf(Map<String, Object> request) {
        return LocalSystem.read((String) request.get("body")).path("person").path("email").asText();
    }

    private static void verify(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        long deadline = System.nanoTime() + Duration.ofSeconds(LocalSystem.intProperty("bench.mail-wait-seconds", 180)).toNanos();
        Map<String, Integer> received = new TreeMap<>();
        do {
            received.clear();
            for (String line : lines) {
                String email = line.split(" ")[1];
                received.put(line, LocalSystem.inbox(email).size());
            }
            if (received.values().stream().allMatch(n -> n >= 1)) {
                Thread.sleep(5000); // a late duplicate would arrive now
                break;
            }
            Thread.sleep(2000);
        } while (System.nanoTime() < deadline);
        for (String line : lines) { // the final count, after the pause
            String email = line.split(" ")[1];
            received.put(line, LocalSystem.inbox(email).size());
        }
        long lost = received.values().stream().filter(n -> n == 0).count();
        long duplicated = received.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
        long mails = received.values().stream().mapToLong(Integer::longValue).sum();
        System.out.printf("RESULT faults: %d bookings accepted, %d confirmations received, lost %d, duplicated %d%n",
                lines.size(), mails, lost, duplicated);
        LocalSystem.cleanUp();
        if (lost > 0 || duplicated > 0) {
            received.forEach((booking, n) -> {
                if (n != 1) {
                    System.out.printf("  %s: %d confirmations%n", booking, n);
                }
            });
            System.exit(1);
        }
    }
}
