package gr.mydimos.call.room;

import gr.mydimos.call.CallConfig;
import gr.mydimos.call.turn.TurnCredentials;
import gr.mydimos.calls.CallTicket;
import gr.mydimos.calls.CallTickets;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The signalling of a call (VC-1): {@code GET /api/calls/rooms/{room}} upgraded to a WebSocket. The first message must
 * be {@code {"type": "join", "ticket": "…"}} with a ticket booking-service signed for this room; then the browsers
 * exchange their session descriptions and candidates through it (docs/video-calls.md). Media never pass here.
 * Close codes: 4400 not understood, 4401 no ticket in time, 4403 ticket refused, 4408 entered again elsewhere, 4409
 * room full, 4410 call ended; 1008 for a connection that sends too much or does not read what it is sent.
 */
@ApplicationScoped
public class Signalling {

    private static final Logger LOG = Logger.getLogger(Signalling.class);

    @Inject
    Rooms rooms;
    @Inject
    TurnCredentials turn;
    @Inject
    CallConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;

    private CallTickets tickets;

    void routes(@Observes Router router, Vertx vertx) {
        tickets = new CallTickets(config.ticketSecret());
        router.get("/api/calls/rooms/:room").handler(context -> {
            String room = context.pathParam("room");
            context.request().toWebSocket()
                    .onSuccess(socket -> connected(vertx, room, socket))
                    .onFailure(failure -> {
                        if (!context.response().ended()) {
                            context.response().setStatusCode(400).end();
                        }
                    });
        });
    }

    private void connected(Vertx vertx, String room, ServerWebSocket socket) {
        AtomicReference<Rooms.Participant> self = new AtomicReference<>();
        // what a browser does not read is not queued without end in the one instance every call shares
        socket.setWriteQueueMaxSize(config.maxMessageBytes() * 4);
        MessageRate rate = new MessageRate(config.maxMessagesPerSecond());
        long deadline = vertx.setTimer(config.joinWithin().toMillis(), id -> {
            if (self.get() == null) {
                refuse(socket, (short) 4401, "no-ticket");
            }
        });
        Rooms.Connection connection = new Rooms.Connection() {
            @Override
            public void send(JsonObject message) {
                if (socket.isClosed()) {
                    return;
                }
                if (socket.writeQueueFull()) {
                    socket.close((short) 1008, "not-reading");
                    return;
                }
                socket.writeTextMessage(message.encode());
            }

            @Override
            public void close(short code, String reason) {
                if (!socket.isClosed()) {
                    socket.close(code, reason);
                }
            }
        };
        socket.textMessageHandler(text -> {
            if (!rate.allows(clock.millis())) {
                refuse(socket, (short) 1008, "too-many");
                return;
            }
            if (text.length() > config.maxMessageBytes()) {
                refuse(socket, (short) 1009, "too-big");
                return;
            }
            JsonObject message;
            try {
                message = new JsonObject(text);
            } catch (DecodeException | ClassCastException e) {
                refuse(socket, (short) 4400, "not-understood");
                return;
            }
            Rooms.Participant participant = self.get();
            if (participant != null) {
                rooms.relay(room, participant, message);
                return;
            }
            vertx.cancelTimer(deadline);
            Optional<CallTicket> ticket = "join".equals(message.getString("type"))
                    ? tickets.check(message.getString("ticket"), clock.instant()).filter(t -> t.room().equals(room))
                    : Optional.empty();
            if (ticket.isEmpty()) {
                metrics.counter("calls.joins.refused", "reason", "ticket", "role", "unknown").increment();
                refuse(socket, (short) 4403, "ticket-refused");
                return;
            }
            Rooms.Participant entering = new Rooms.Participant(ticket.get().participant(), ticket.get().role(), connection);
            JsonObject welcome = new JsonObject().put("type", "welcome").put("you", entering.id())
                    .put("role", entering.role().name()).put("iceServers", turn.iceServersFor(entering.id(), ticket.get().closesAt()));
            rooms.enter(ticket.get(), connection, config.maxParticipants(), welcome).ifPresentOrElse(
                    refusal -> {
                        switch (refusal) {
                            case FULL -> refuse(socket, (short) 4409, "room-full");
                            case ENDED -> refuse(socket, (short) 4410, "ended");
                        }
                    },
                    () -> self.set(entering));
        });
        socket.binaryMessageHandler(binary -> refuse(socket, (short) 4400, "not-understood"));
        socket.closeHandler(closed -> {
            vertx.cancelTimer(deadline);
            Rooms.Participant participant = self.get();
            if (participant != null) {
                rooms.leave(room, participant);
            }
        });
        socket.exceptionHandler(failure -> LOG.debugf("A call's connection failed: %s", failure.getClass().getSimpleName()));
    }

    private static void refuse(ServerWebSocket socket, short code, String reason) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(new JsonObject().put("type", "refused").put("reason", reason).encode());
            socket.close(code, reason);
        }
    }

    /** At most so many messages a second from one connection: a browser's candidates come in bursts of a few dozen. */
    private static final class MessageRate {
        private final int perSecond;
        private long second;
        private int count;

        MessageRate(int perSecond) {
            this.perSecond = perSecond;
        }

        /** Called on the connection's own event loop only. */
        boolean allows(long nowMillis) {
            long current = nowMillis / 1000;
            if (current != second) {
                second = current;
                count = 0;
            }
            return ++count <= perSecond;
        }
    }
}
