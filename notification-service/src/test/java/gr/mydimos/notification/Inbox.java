package gr.mydimos.notification;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** A mailbox on the GreenMail server, read through its REST API and decoded as a mail client would. */
public final class Inbox {

    /** One received email: subject, and its plain-text and HTML parts decoded. */
    public record Mail(String subject, String text, String html) {}

    private final String api;

    public Inbox(String api) {
        this.api = api;
    }

    /** The messages of the address once at least {@code count} have arrived (GreenMail creates the user on delivery). */
    public List<Mail> await(String address, int count) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> read(address), mails -> mails.size() >= count);
    }

    public List<Mail> read(String address) {
        Response response = given().get(api + "/api/user/" + address + "/messages/INBOX");
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<String> raw = response.jsonPath().getList("mimeMessage", String.class);
        return raw.stream().map(Inbox::decode).toList();
    }

    private static Mail decode(String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            String text = null;
            String html = null;
            if (message.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            } else {
                text = (String) message.getContent();
            }
            return new Mail(message.getSubject(), text, html);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable email", e);
        }
    }
}
