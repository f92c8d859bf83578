package gr.mydimos.call.room;

import gr.mydimos.calls.CallTicket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls going on now, in memory only: who is in which room, and whether the identity check was done. A message
 * between participants is passed on and forgotten; a room is gone when its last participant leaves or its time is up.
 * Every participant of a room reaches the same replica (the ingress routes by the room in the address).
 */
@ApplicationScoped
public class Rooms {

    /** What a connection is to the rooms: somewhere to send a message, and a way to end it. */
    public interface Connection {
        void send(JsonObject message);

        void close(short code, String reason);
    }

    /** One person in a room. */
    public record Participant(String id, CallTicket.Role role, Connection connection) {}

    private static final class Room {
        final Map<String, Participant> participants = new LinkedHashMap<>();
        final Instant closesAt;
        boolean identityChecked;
        boolean ended;

        Room(Instant closesAt) {
            this.closesAt = closesAt;
        }
    }

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger present = new AtomicInteger();

    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;

    private Counter opened;
    private Counter failed;

    @PostConstruct
    void meters() {
        opened = Counter.builder("calls.rooms.opened").description("Rooms a first participant entered").register(metrics);
        failed = Counter.builder("calls.connections.failed")
                .description("Connections between two browsers that could not be made (reported by a browser)").register(metrics);
        metrics.gauge("calls.participants", present);
        metrics.gaugeMapSize("calls.rooms", List.of(), rooms);
    }

    /** Why a ticket holder may not enter: the room is full, or the call in it was ended. */
    public enum Refusal { FULL, ENDED }

    /** The close code of a connection whose participant entered again on another. */
    public static final short REPLACED = 4408;

    /**
     * The ticket's holder enters its room (a first participant opens it); answers why not, if not. Those already in
     * it are told; the newcomer is told who is there, and whether the identity check is done. A participant is a
     * person (booking-service derives the id from their link or account), so entering again replaces the earlier
     * connection instead of taking another seat; one seat is kept for the employee.
     */
    public Optional<Refusal> enter(CallTicket ticket, Connection connection, int capacity, JsonObject welcome) {
        Room room = rooms.computeIfAbsent(ticket.room(), r -> new Room(ticket.closesAt()));
        synchronized (room) {
            if (rooms.get(ticket.room()) != room) { // emptied and forgotten meanwhile: enter the room anew
                return enter(ticket, connection, capacity, welcome);
            }
            if (room.ended) {
                return refused(Refusal.ENDED, ticket.role());
            }
            // the same person again (another tab, a reconnection): the new connection takes the place of the old
            Participant earlier = room.participants.remove(ticket.participant());
            if (earlier != null) {
                present.decrementAndGet();
                earlier.connection().close(REPLACED, "replaced");
                broadcast(room, earlier, new JsonObject().put("type", "left").put("id", earlier.id()));
            }
            boolean employeeIn = room.participants.values().stream().anyMatch(p -> p.role() == CallTicket.Role.EMPLOYEE);
            int seats = ticket.role() == CallTicket.Role.EMPLOYEE || employeeIn ? capacity : capacity - 1; // one kept for the employee
            if (room.participants.size() >= seats) {
                return refused(Refusal.FULL, ticket.role());
            }
            if (room.participants.isEmpty()) {
                opened.increment();
            }
            List<JsonObject> others = new ArrayList<>();
            for (Participant p : room.participants.values()) {
                others.add(describe(p));
                p.connection().send(new JsonObject().put("type", "joined").put("participant",
                        new JsonObject().put("id", ticket.participant()).put("role", ticket.role().name())));
            }
            room.participants.put(ticket.participant(), new Participant(ticket.participant(), ticket.role(), connection));
            present.incrementAndGet();
            metrics.counter("calls.participants.joined", "role", ticket.role().name()).increment();
            connection.send(welcome.put("participants", others).put("identityChecked", room.identityChecked)
                    .put("closesAt", ticket.closesAt().toString()));
            return Optional.empty();
        }
    }

    /** A message from one participant: passed on to the one it names, or to all, as its type allows. */
    public void relay(String roomId, Participant from, JsonObject message) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return;
        }
        String type = message.getValue("type") instanceof String t ? t : "";
        synchronized (room) {
            if (!from.equals(room.participants.get(from.id()))) {
                return; // left, or replaced by their own new connection: nothing more is theirs to say
            }
            switch (type) {
                case "signal" -> {
                    Participant to = room.participants.get(message.getValue("to") instanceof String id ? id : "");
                    if (to != null && !to.id().equals(from.id()) && message.getValue("data") instanceof JsonObject data) {
                        to.connection().send(new JsonObject().put("type", "signal").put("from", from.id()).put("data", data));
                    }
                }
                case "media" -> broadcast(room, from, new JsonObject().put("type", "media").put("from", from.id())
                        .put("video", !Boolean.FALSE.equals(message.getValue("video")))
                        .put("audio", !Boolean.FALSE.equals(message.getValue("audio"))));
                case "identity-checked" -> {
                    if (from.role() == CallTicket.Role.EMPLOYEE) {
                        room.identityChecked = true;
                        broadcast(room, from, new JsonObject().put("type", "identity-checked"));
                    }
                }
                case "end" -> {
                    if (from.role() == CallTicket.Role.EMPLOYEE) {
                        end(roomId, room, "completed");
                    }
                }
                case "connection-failed" -> failed.increment();
                default -> { } // nothing else is understood; it is dropped, never logged (it may carry addresses)
            }
        }
    }

    /** The participant's connection closed. */
    public void leave(String roomId, Participant participant) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return;
        }
        synchronized (room) {
            if (room.participants.remove(participant.id(), participant)) {
                present.decrementAndGet();
                broadcast(room, participant, new JsonObject().put("type", "left").put("id", participant.id()));
            }
            if (room.participants.isEmpty() && !room.ended) {
                rooms.remove(roomId, room);
            }
        }
    }

    /**
     * The call ends for everyone in the room (its booking was cancelled, moved, completed): they are told why and let
     * go, and nobody enters it again until it is forgotten at its time. A room nobody is in is left alone.
     */
    public void end(String roomId, String reason) {
        Room room = roomId == null ? null : rooms.get(roomId);
        if (room == null) {
            return;
        }
        synchronized (room) {
            if (!room.ended) {
                end(roomId, room, reason);
            }
        }
    }

    /** Rooms whose time is up are closed, those in them told; ended rooms are forgotten once their time is up. */
    @Scheduled(every = "${call.sweep-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void closeExpired() {
        Instant now = clock.instant();
        rooms.forEach((id, room) -> {
            synchronized (room) {
                if (!now.isBefore(room.closesAt)) {
                    end(id, room, "time-up");
                    rooms.remove(id, room);
                }
            }
        });
    }

    private void end(String roomId, Room room, String reason) {
        room.ended = true;
        for (Participant p : room.participants.values()) {
            p.connection().send(new JsonObject().put("type", "ended").put("reason", reason));
            p.connection().close((short) 1000, reason);
            present.decrementAndGet();
        }
        room.participants.clear();
    }

    private static void broadcast(Room room, Participant from, JsonObject message) {
        room.participants.values().stream().filter(p -> !p.id().equals(from.id())).forEach(p -> p.connection().send(message));
    }

    private static JsonObject describe(Participant p) {
        return new JsonObject().put("id", p.id()).put("role", p.role().name());
    }

    private Optional<Refusal> refused(Refusal refusal, CallTicket.Role role) {
        metrics.counter("calls.joins.refused", "reason", refusal.name().toLowerCase(), "role", role.name()).increment();
        return Optional.of(refusal);
    }
}
