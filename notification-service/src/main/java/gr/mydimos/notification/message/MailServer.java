package gr.mydimos.notification.message;

import gr.mydimos.notification.NotificationConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Deque;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The mail server, reached as a mail client that sends newsletters does: over a few SMTP connections kept open from
 * one mail to the next, each mail written in a few large writes (Jakarta Mail), rather than a connection per mail or a
 * write per line. Sending blocks, so it runs on worker threads, one connection per mail under way.
 */
@ApplicationScoped
public class MailServer {

    static {
        // Jakarta Mail looks its stream provider up through the ServiceLoader, scanning the class path, for every body
        // part it creates, encodes or writes (over half the CPU of a mail); named, it is loaded at once.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private record Connection(Transport transport, long idleSince) {}

    /** How long a connection may wait between two mails and still be taken without asking the server. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    /** Connections not in use, the most recently used first: those that waited longest are the first to go. */
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    @Inject
    NotificationConfig config;
    @Inject
    Vertx vertx;

    private Session session;
    private InternetAddress sender;
    private String protocol;

    @PostConstruct
    void configure() {
        NotificationConfig.Smtp smtp = config.smtp();
        protocol = smtp.tls() ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        String timeout = String.valueOf(config.dispatch().sendTimeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", smtp.host());
        properties.put(prefix + "port", String.valueOf(smtp.port()));
        properties.put(prefix + "localhost", smtp.ownHostName());
        properties.put(prefix + "connectiontimeout", timeout);
        properties.put(prefix + "timeout", timeout);
        properties.put(prefix + "auth", String.valueOf(smtp.username().isPresent()));
        properties.put(prefix + "starttls.enable", String.valueOf(smtp.startTls() != NotificationConfig.Smtp.StartTls.DISABLED));
        properties.put(prefix + "starttls.required", String.valueOf(smtp.startTls() == NotificationConfig.Smtp.StartTls.REQUIRED));
        properties.put(prefix + "ssl.checkserveridentity", "true");
        properties.put(prefix + "socketFactory.fallback", "false"); // no second, plain connect after a failed one
        properties.put(prefix + "quitwait", "false"); // closing a connection does not wait for the server's goodbye
        if (smtp.tls()) {
            properties.put(prefix + "ssl.socketFactory", new PromptSockets(SSLSocketFactory.getDefault()));
        } else {
            properties.put(prefix + "socketFactory", new PromptSockets(SocketFactory.getDefault()));
        }
        session = Session.getInstance(properties);
        try {
            InternetAddress from = new InternetAddress(smtp.from(), true);
            sender = new InternetAddress(from.getAddress(), from.getPersonal(), "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("notification.smtp.from is not an e-mail address: " + smtp.from(), e);
        }
    }

    /** The sender of every mail; a display name in Greek is encoded as headers must be (RFC 2047). */
    public InternetAddress sender() {
        return sender;
    }

    /** An empty mail whose Message-ID is the message's own, under the platform's domain, the same on every attempt. */
    public MimeMessage newMail(UUID messageId) {
        String id = "<" + messageId + "@" + config.smtp().ownHostName() + ">";
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
    }

    /**
     * Hands the mail to the server; the outcome arrives on the caller's context. A connection that failed is closed,
     * not reused: what state the server left it in is unknown.
     */
    public Uni<Void> send(MimeMessage mail) {
        Context caller = vertx.getOrCreateContext();
        return Uni.createFrom().completionStage(() -> caller.<Void>executeBlocking(() -> {
            Connection connection = borrow();
            try {
                connection.transport().sendMessage(mail, mail.getAllRecipients());
            } catch (MessagingException | RuntimeException e) {
                close(connection.transport());
                throw e;
            }
            idle.push(new Connection(connection.transport(), System.nanoTime()));
            return null;
        }, false).toCompletionStage());
    }

    /**
     * The connection used last, if it has not waited too long: asking the server whether it is still there would cost
     * a round trip per mail. Connections that waited too long, here and at the other end of the queue, are closed.
     */
    private Connection borrow() throws MessagingException {
        long oldest = System.nanoTime() - config.smtp().keepAlive().toNanos();
        for (Connection stale = idle.peekLast(); stale != null && stale.idleSince() - oldest < 0; stale = idle.peekLast()) {
            if (idle.removeLastOccurrence(stale)) {
                close(stale.transport());
            }
        }
        long lately = System.nanoTime() - QUIET.toNanos();
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            // in a burst a connection comes back and goes out again at once; one that waited is asked (NOOP) whether
            // the server still holds it, so that a mail is not failed (and delayed) by a connection closed meanwhile
            if (connection.idleSince() - oldest > 0
                    && (connection.idleSince() - lately > 0 || connection.transport().isConnected())) {
                return connection;
            }
            close(connection.transport());
        }
        NotificationConfig.Smtp smtp = config.smtp();
        Transport transport = session.getTransport(protocol);
        transport.connect(smtp.host(), smtp.port(), smtp.username().orElse(null), smtp.password().orElse(null));
        return new Connection(transport, System.nanoTime());
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the connection is gone either way
        }
    }

    /**
     * Sockets that send what is written at once (TCP_NODELAY): with Nagle's algorithm the short end of a mail (the
     * lone dot) waits for the server to acknowledge the body, which it delays by some 40 ms, for every mail.
     */
    private static final class PromptSockets extends SocketFactory {
        private final SocketFactory sockets;

        PromptSockets(SocketFactory sockets) {
            this.sockets = sockets;
        }

        private static Socket prompt(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return prompt(sockets.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return prompt(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return prompt(sockets.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return prompt(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return prompt(sockets.createSocket(address, port, localAddress, localPort));
        }
    }

    @PreDestroy
    void closeAll() {
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            close(connection.transport());
        }
    }
}
