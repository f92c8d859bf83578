package gr.mydimos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * The locally started system (deploy/local/up) as the scenarios need it: citizens in Keycloak's demo realm with their
 * tokens, free times to book, and the services' databases to read the outcome from and to clean up afterwards. Setup
 * and bookkeeping only; the load itself is Gatling's.
 */
final class LocalSystem {

    static final String GATEWAY = System.getProperty("bench.gateway", "http://127.0.0.1:8080");
    static final String AVAILABILITY = System.getProperty("bench.availability", "http://127.0.0.1:8082");
    static final String REGISTRY = System.getProperty("bench.registry", "http://127.0.0.1:8084");
    static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://127.0.0.1:8180");
    static final String MAIL_API = System.getProperty("bench.mail-api", "http://127.0.0.1:8025");
    /** Every person the bench creates has an address of this form, so that cleaning up touches nothing else. */
    static final String EMAIL_LIKE = "bench-%@example.gr";
    static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    /** The demo municipalities the bench books in. */
    static final List<String> MUNICIPALITIES = List.of("thessaloniki", "thermaikos", "kalamaria");

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalSystem() {
    }

    static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(fallback)));
    }

    record Citizen(String username, String taxId, String token, String refreshToken) {
    }

    /** What a sign-in (or a refresh) gives: the access token, and the refresh token for the next one. */
    record Tokens(String access, String refresh) {
    }

    /** A free time of a service, planned so that no two planned bookings compete for one employee. */
    record FreeTime(String municipality, String service, String unit, String start, OffsetDateTime startsAt,
                    OffsetDateTime endsAt) {
    }

    // ---- people

    /** Creates (once) citizens bench-citizen-0001.. in the demo realm and signs each of them in. */
    static List<Citizen> citizens(int count) {
        String admin = form(KEYCLOAK + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin").path("access_token").asText();
        ArrayNode users = JSON.createArrayNode();
        for (int i = 1; i <= count; i++) {
            ObjectNode user = users.addObject();
            String name = username(i);
            user.put("username", name).put("enabled", true).put("emailVerified", true)
                    .put("firstName", "Δοκιμή").put("lastName", "Φορτίου").put("email", name + "@example.gr");
            user.putObject("attributes").putArray("afm").add(taxId(i));
            user.putArray("credentials").addObject().put("type", "password").put("value", name).put("temporary", false);
            user.putArray("realmRoles").add("citizen");
        }
        ObjectNode partialImport = JSON.createObjectNode().put("ifResourceExists", "SKIP");
        partialImport.set("users", users);
        send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/citizens/partialImport"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(partialImport.toString())).build(), 200);

        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(username(i));
        }
        Map<String, Tokens> tokens = signIn(names);
        List<Citizen> citizens = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Tokens signedIn = tokens.get(username(i));
            citizens.add(new Citizen(username(i), taxId(i), signedIn.access(), signedIn.refresh()));
        }
        return citizens;
    }

    /** Signs the bench's citizens in: their tokens, by username. */
    static Map<String, Tokens> signIn(List<String> usernames) {
        // password hashing makes sign-in the slow part
        Map<String, String> forms = new LinkedHashMap<>();
        usernames.forEach(name -> forms.put(name, "grant_type=password&client_id=portal&username=" + name + "&password=" + name));
        return tokens(forms, (name, tokens) -> { });
    }

    /**
     * New tokens for the refresh tokens given (by username, in the order given), each handed over as it arrives: no
     * password is hashed, so this is cheap enough to repeat during a warm-up.
     */
    static Map<String, Tokens> refresh(Map<String, String> refreshTokens, BiConsumer<String, Tokens> arrived) {
        Map<String, String> forms = new LinkedHashMap<>();
        refreshTokens.forEach((name, refresh) -> forms.put(name, "grant_type=refresh_token&client_id=portal&refresh_token=" + refresh));
        return tokens(forms, arrived);
    }

    private static Map<String, Tokens> tokens(Map<String, String> forms, BiConsumer<String, Tokens> arrived) {
        Semaphore parallel = new Semaphore(4); // a few at a time, in parallel
        Map<String, CompletableFuture<Tokens>> tokens = new LinkedHashMap<>();
        forms.forEach((name, form) -> {
            parallel.acquireUninterruptibly();
            tokens.put(name, HTTP.sendAsync(formRequest(KEYCLOAK + "/realms/citizens/protocol/openid-connect/token", form),
                            HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> parallel.release())
                    .thenApply(r -> {
                        JsonNode body = read(r.body());
                        if (!body.hasNonNull("access_token")) {
                            throw new IllegalStateException("no token for " + name + ": " + r.statusCode() + " " + r.body());
                        }
                        Tokens got = new Tokens(body.path("access_token").asText(), body.path("refresh_token").asText());
                        arrived.accept(name, got);
                        return got;
                    }));
        });
        Map<String, Tokens> signedIn = new HashMap<>();
        tokens.forEach((name, token) -> signedIn.put(name, token.join()));
        return signedIn;
    }

    private static String username(int i) {
        return "bench-citizen-%04d".formatted(i);
    }

    /** A valid Greek tax number (AFM: the ninth digit checks the first eight), distinct per bench citizen. */
    static String taxId(int i) {
        String first = "%08d".formatted(70_000_000 + i);
        int sum = 0;
        for (int d = 0; d < 8; d++) {
            sum += (first.charAt(d) - '0') << (8 - d);
        }
        return first + (sum % 11) % 10;
    }

    // ---- free times

    /**
     * Up to {@code wanted} free in-person times over the next weeks, from every service of the demo municipalities.
     * Each succeeds or fails on its own, not because the plan made them compete: no time is chosen that overlaps as
     * many others of its unit as there are employees for its service (or as the unit has work positions), so whatever
     * employee the system gives each, one is always left for it — on the local system's data, where nobody but the
     * bench books and no one is on leave or keeps hours of their own (the demo's; the bench cleans up after itself).
     */
    static List<FreeTime> freeTimes(int wanted) {
        LocalDate from = LocalDate.now(ATHENS).plusDays(1);
        LocalDate to = from.plusDays(intProperty("bench.days", 55));
        Map<String, List<FreeTime>> byUnit = new HashMap<>();
        for (String municipality : MUNICIPALITIES) {
            for (JsonNode service : get(REGISTRY + "/api/registry/municipalities/" + municipality + "/services")) {
                boolean inPerson = false;
                for (JsonNode mode : service.path("modes")) {
                    inPerson |= "IN_PERSON".equals(mode.path("mode").asText());
                }
                if (!inPerson) {
                    continue;
                }
                String id = service.path("id").asText();
                String unit = service.path("unitId").asText();
                for (JsonNode slot : get(AVAILABILITY + "/api/availability/slots?municipality=" + municipality + "&service="
                        + enc(id) + "&mode=IN_PERSON&from=" + from + "&to=" + to)) {
                    String start = slot.path("start").asText();
                    byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(new FreeTime(municipality, id, unit, start,
                            OffsetDateTime.parse(start), OffsetDateTime.parse(slot.path("end").asText())));
                }
            }
        }
        Map<String, Integer> employeesOf = count("SELECT service, count(*) FROM employee, unnest(service_ids) AS service "
                + "WHERE active GROUP BY service");
        Map<String, Integer> positions = count("SELECT unit_id, min(positions) FROM work_positions GROUP BY unit_id");
        Map<String, List<Chosen>> taken = taken(from, to);
        Map<String, List<FreeTime>> byService = new java.util.TreeMap<>();
        byUnit.forEach((unit, times) -> {
            times.sort(Comparator.comparing(FreeTime::startsAt).thenComparing(FreeTime::service));
            List<Chosen> already = taken.getOrDefault(unit, List.of()); // by start
            List<Chosen> running = new ArrayList<>(); // chosen or taken ones whose time (and buffer) has not ended yet
            // times that start together are taken in turns, one per service, so that every service gets its share
            for (int i = 0, j, k = 0; i < times.size(); i = j) {
                OffsetDateTime start = times.get(i).startsAt();
                for (j = i; j < times.size() && times.get(j).startsAt().equals(start); j++) {
                }
                for (; k < already.size() && already.get(k).startsAt().isBefore(start.plusMinutes(60)); k++) {
                    running.add(already.get(k)); // an hour ahead: it may overlap a time chosen from here on
                }
                running.removeIf(c -> !c.blockedUntil().isAfter(start));
                for (boolean more = true; more; ) {
                    more = false;
                    for (FreeTime t : times.subList(i, j)) {
                        int capacity = Math.min(employeesOf.getOrDefault(t.service(), 0), positions.getOrDefault(unit, Integer.MAX_VALUE));
                        if (running.size() < capacity && running.stream().allMatch(c -> c.overlaps[0] + 1 < c.capacity())) {
                            running.forEach(c -> c.overlaps[0]++);
                            running.add(new Chosen(t.startsAt(), t.endsAt().plusMinutes(10), capacity, // 10: past any buffer
                                    new int[] {running.size()}));
                            byService.computeIfAbsent(t.service(), x -> new ArrayList<>()).add(t);
                            more = true;
                        }
                    }
                }
            }
        });
        // interleave the services, so that any prefix of the plan spreads over all of them (a citizen books each once)
        List<FreeTime> plan = new ArrayList<>();
        for (int i = 0; plan.size() < wanted; i++) {
            boolean any = false;
            for (List<FreeTime> service : byService.values()) {
                if (i < service.size() && plan.size() < wanted) {
                    plan.add(service.get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return plan;
    }

    /**
     * A time the plan has chosen (or one already taken): when it starts, until when it blocks its employee, and how
     * many others it overlaps so far.
     */
    private record Chosen(OffsetDateTime startsAt, OffsetDateTime blockedUntil, int capacity, int[] overlaps) {
    }

    /**
     * The times already taken in each unit (by start), each blocking one employee: a time chosen beside them must
     * leave one free for itself. Never counted against: their employees are theirs already.
     */
    private static Map<String, List<Chosen>> taken(LocalDate from, LocalDate to) {
        Map<String, List<Chosen>> taken = new HashMap<>();
        try (Connection availability = database("availability");
             var query = availability.prepareStatement("SELECT unit_id, starts_at, blocked_until FROM reservation "
                     + "WHERE status = 'CONFIRMED' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at")) {
            query.setObject(1, from.minusDays(1));
            query.setObject(2, to.plusDays(2));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    taken.computeIfAbsent(rows.getString(1), u -> new ArrayList<>()).add(new Chosen(
                            rows.getObject(2, OffsetDateTime.class), rows.getObject(3, OffsetDateTime.class),
                            Integer.MAX_VALUE, new int[1]));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the times already taken", e);
        }
        return taken;
    }

    /** A count by key from availability's tables (employees per service, the fewest work positions per unit). */
    private static Map<String, Integer> count(String query) {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection availability = database("availability");
             ResultSet rows = availability.createStatement().executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
        return counts;
    }

    /**
     * The demo has two or three employees per unit; a booking bench needs more free times than they offer. Adds
     * {@code perUnit} employees to every unit of the demo municipalities, each serving all of its unit's services, for
     * the run (availability's copy of the staff: slots and assignment read it; {@link #cleanUp} removes them).
     */
    static void addStaff(int perUnit) {
        try (Connection availability = database("availability");
             var insert = availability.prepareStatement("""
                     INSERT INTO employee (id, municipality_code, unit_id, display_name, service_ids)
                     SELECT 'bench-' || unit_id || '-' || n, municipality_code, unit_id, 'Υπάλληλος φόρτου ' || n, services
                     FROM (SELECT unit_id, municipality_code, array_agg(DISTINCT service ORDER BY service) AS services
                           FROM employee, unnest(service_ids) AS service
                           WHERE municipality_code = ANY (?) AND id NOT LIKE 'bench-%' AND active
                           GROUP BY unit_id, municipality_code) AS unit, generate_series(1, ?) AS n
                     ON CONFLICT (id) DO NOTHING""")) {
            insert.setArray(1, availability.createArrayOf("text", MUNICIPALITIES.toArray()));
            insert.setInt(2, perUnit);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("adding the bench's employees", e);
        }
    }

    /** The booking form a citizen sends for a free time. */
    static String bookingBody(FreeTime time, String email) {
        ObjectNode body = JSON.createObjectNode().put("municipality", time.municipality()).put("service", time.service())
                .put("mode", "IN_PERSON").put("start", time.start()).put("onBehalfOfOther", false)
                .put("declarationAccepted", true).put("language", "el");
        body.putObject("person").put("fullName", "Δοκιμή Φορτίου").put("email", email).put("phone", "6900000000");
        return body.toString();
    }

    /**
     * One booking request per free time, each by a citizen who holds no booking of that service yet (a person may hold
     * one upcoming booking per service) and none at an overlapping time (nor be in two places at once): records for a
     * Gatling feeder (token, citizen, key, body).
     */
    static List<Map<String, Object>> bookingRequests(List<Citizen> citizens, List<FreeTime> times, String run) {
        java.util.Set<String> holding = new java.util.HashSet<>();
        Map<String, List<FreeTime>> booked = new HashMap<>();
        List<Map<String, Object>> requests = new ArrayList<>();
        int next = 0;
        for (FreeTime time : times) {
            for (int tried = 0; tried < citizens.size(); tried++, next++) {
                Citizen citizen = citizens.get(next % citizens.size());
                List<FreeTime> own = booked.computeIfAbsent(citizen.username(), c -> new ArrayList<>());
                boolean overlapping = own.stream().anyMatch(t -> t.startsAt().isBefore(time.endsAt())
                        && time.startsAt().isBefore(t.endsAt()));
                if (!overlapping && holding.add(citizen.username() + " " + time.service())) {
                    own.add(time);
                    requests.add(new HashMap<>(Map.of("token", citizen.token(), "citizen", citizen.username(), "key", run + "-" + requests.size(),
                            "body", bookingBody(time, citizen.username() + "@example.gr"))));
                    next++;
                    break;
                }
            }
        }
        return requests;
    }

    // ---- databases (the local roles: name = password = database)

    static Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, name, name);
    }

    /**
     * Removes what the bench booked: bookings, their reservations and their messages (local system only; the same
     * rows a cancelled booking leaves behind would keep the times taken for the next run), and the employees it added.
     */
    static void cleanUp() {
        try (Connection booking = database("booking"); Connection availability = database("availability");
             Connection notification = database("notification")) {
            List<String> references = new ArrayList<>();
            try (var rows = booking.createStatement().executeQuery(
                    "SELECT reference FROM booking WHERE person_email LIKE '" + EMAIL_LIKE + "'")) {
                while (rows.next()) {
                    references.add(rows.getString(1));
                }
            }
            String[] refs = references.toArray(String[]::new);
            try (var delete = availability.prepareStatement("DELETE FROM reservation WHERE booking_reference = ANY (?)")) {
                delete.setArray(1, availability.createArrayOf("text", refs));
                delete.executeUpdate();
            }
            try (var delete = notification.prepareStatement("DELETE FROM message WHERE recipient LIKE ? OR booking_reference = ANY (?)")) {
                delete.setString(1, EMAIL_LIKE);
                delete.setArray(2, notification.createArrayOf("text", refs));
                delete.executeUpdate();
            }
            booking.createStatement().executeUpdate("DELETE FROM booking WHERE person_email LIKE '" + EMAIL_LIKE + "'");
            // the employees addStaff added, with anything still held in their name
            availability.createStatement().executeUpdate("DELETE FROM reservation WHERE employee_id LIKE 'bench-%'");
            availability.createStatement().executeUpdate("DELETE FROM employee WHERE id LIKE 'bench-%'");
            try {
                send(HttpRequest.newBuilder(URI.create(MAIL_API + "/api/mail/purge")).POST(HttpRequest.BodyPublishers.noBody())
                        .build(), 200);
            } catch (IllegalStateException mailServerDown) {
                // the SMTP fault scenario books while the mail server is stopped; it starts again empty
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cleaning up the bench's bookings", e);
        }
    }

    // ---- HTTP

    /** The messages the mail server holds for an address (none yet: GreenMail knows no such user, a 400). */
    static JsonNode inbox(String email) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(MAIL_API + "/api/user/" + email
                    + "/messages/INBOX")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400 || response.statusCode() == 404) {
                return JSON.createArrayNode();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("mail server answered " + response.statusCode() + ": " + response.body());
            }
            return read(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("mail server unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode get(String url) {
        return read(send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(), 200));
    }

    private static JsonNode form(String url, String body) {
        return read(send(formRequest(url, body), 200));
    }

    private static HttpRequest formRequest(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)) // a lost answer fails, never waits forever
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " unreachable: is the system up (deploy/local/up)?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** p-th percentile (0..100) of sorted values, nearest rank. */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
