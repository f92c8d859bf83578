package gr.mydimos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reminder burst (issue 9): {@code bench.reminders} (50,000) reminders of distinct appointments all due in the same
 * minute, then how long notification-service takes to send them all, and whether the mail server received each exactly
 * once (target: all within 60 s, none twice). The reminders are planned rows, as the planner writes them for booking
 * events, cloned from the one reminder a real booking made through the gateway gets; they go to
 * {@code bench.recipients} addresses, whose mailboxes are then counted.
 */
public final class ReminderBurst {

    public static void main(String[] args) throws Exception {
        int reminders = LocalSystem.intProperty("bench.reminders", 50_000);
        int recipients = LocalSystem.intProperty("bench.recipients", 250);
        Duration patience = Duration.ofSeconds(LocalSystem.intProperty("bench.burst-wait-seconds", 600));
        LocalSystem.cleanUp();
        String prefix = "BURST" + UUID.randomUUID().toString().substring(0, 4).toUpperCase() + "-";
        try (Connection notification = LocalSystem.database("notification")) {
            String template = templateReminder(notification);
            long inserted;
            try (var insert = notification.prepareStatement("""
                    INSERT INTO message (id, booking_reference, kind, recipient, language, event, due_at, status, next_attempt_at,
                                         attempts, created_at, recipient_role, appointment_start, appointment_end, calendar_sequence)
                    SELECT gen_random_uuid(), ? || lpad(i::text, 6, '0'), 'REMINDER', 'bench-burst-' || (i % ?) || '@example.gr',
                           t.language, jsonb_set(t.event::jsonb, '{booking,reference}', to_jsonb(? || lpad(i::text, 6, '0')))::text,
                           date_trunc('minute', now()) + interval '1 minute', 'PENDING', date_trunc('minute', now()) + interval '1 minute',
                           0, now(), 'APPLICANT', t.appointment_start, t.appointment_end, 0
                    FROM message t, generate_series(1, ?) i WHERE t.id = ?::uuid""")) {
                insert.setString(1, prefix);
                insert.setInt(2, recipients);
                insert.setString(3, prefix);
                insert.setInt(4, reminders);
                insert.setString(5, template);
                inserted = insert.executeUpdate();
            }
            java.time.Instant due;
            try (ResultSet rows = notification.createStatement().executeQuery(
                    "SELECT min(due_at) FROM message WHERE booking_reference LIKE '" + prefix + "%'")) {
                rows.next();
                due = rows.getTimestamp(1).toInstant();
            }
            System.out.printf("reminder-burst: %d reminders to %d addresses planned, all due at %s%n", inserted, recipients, due);

            long sent = 0;
            long deadline = System.nanoTime() + patience.toNanos() + Duration.between(java.time.Instant.now(), due).toNanos();
            java.time.Instant lastSentAt = null;
            // fault suite: notification-service restarted (SIGTERM, as Kubernetes does) once this many are sent
            int restartAfter = LocalSystem.intProperty("bench.restart-notification-after", -1);
            boolean restarted = false;
            while (System.nanoTime() < deadline) {
                if (restartAfter >= 0 && !restarted && sent >= restartAfter) {
                    restarted = true;
                    System.out.printf("reminder-burst: %d sent; restarting notification-service%n", sent);
                    Process restart = new ProcessBuilder("bash", "-c", "source \"$0\"/lib.sh; stop_one notification-service; services_up",
                            System.getProperty("bench.local-dir", "../local")).inheritIO().start();
                    if (restart.waitFor() != 0) {
                        throw new IllegalStateException("restarting notification-service failed");
                    }
                }
                try (ResultSet rows = notification.createStatement().executeQuery("SELECT count(*) FILTER (WHERE status = 'SENT'), "
                        + "max(sent_at), count(*) FILTER (WHERE status IN ('FAILED', 'CANCELLED')) FROM message WHERE booking_reference LIKE '"
                        + prefix + "%'")) {
                    rows.next();
                    sent = rows.getLong(1);
                    lastSentAt = rows.getTimestamp(2) == null ? null : rows.getTimestamp(2).toInstant();
                    if (sent + rows.getLong(3) >= inserted) {
                        break;
                    }
                }
                Thread.sleep(1000);
            }
            double seconds = lastSentAt == null ? Double.NaN : Duration.between(due, lastSentAt).toMillis() / 1000.0;

            // what the mail server received: every reminder once?
            long received = 0;
            Set<String> distinct = new HashSet<>();
            for (int r = 0; r < recipients; r++) {
                for (JsonNode mail : LocalSystem.inbox("bench-burst-" + r + "@example.gr")) {
                    received++;
                    // the reference of the appointment the reminder is about, as the plain-text part shows it
                    java.util.regex.Matcher reference = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix)
                            + "\\d{6}").matcher(mail.path("mimeMessage").asText());
                    distinct.add(reference.find() ? reference.group() : "unreadable " + received);
                }
            }
            System.out.println();
            System.out.printf("PHASE reminder-burst %d %d %d%n", due.toEpochMilli(),
                    lastSentAt == null ? due.toEpochMilli() : lastSentAt.toEpochMilli(), sent);
            System.out.printf("RESULT reminder-burst   %d reminders due at once: %d sent in %.1f s after they fell due (%.0f/s); "
                            + "mail server received %d, distinct %d, lost %d, twice %d%n",
                    inserted, sent, seconds, sent / seconds, received, distinct.size(), inserted - distinct.size(),
                    received - distinct.size());
        } finally {
            try (Connection notification = LocalSystem.database("notification")) {
                notification.createStatement().executeUpdate("DELETE FROM message WHERE booking_reference LIKE '" + prefix + "%'");
            }
            LocalSystem.cleanUp();
        }
    }

    /** The reminder row planned for a booking a bench citizen makes through the gateway, to clone. */
    private static String templateReminder(Connection notification) throws Exception {
        List<LocalSystem.Citizen> citizen = LocalSystem.citizens(1);
        LocalSystem.FreeTime time = LocalSystem.freeTimes(1).get(0);
        String booked = LocalSystem.send(HttpRequest.newBuilder(URI.create(LocalSystem.GATEWAY + "/api/bookings"))
                .header("Authorization", "Bearer " + citizen.get(0).token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(LocalSystem.bookingBody(time, citizen.get(0).username() + "@example.gr")))
                .build(), 201);
        String reference = LocalSystem.read(booked).path("reference").asText();
        for (int i = 0; i < 60; i++) {
            try (var query = notification.prepareStatement(
                    "SELECT id FROM message WHERE booking_reference = ? AND kind = 'REMINDER' ORDER BY due_at LIMIT 1")) {
                query.setString(1, reference);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        return rows.getString(1);
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no reminder was planned for booking " + reference + " within 30 s");
    }
}
