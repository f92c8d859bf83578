package gr.mydimos.notification;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A mailbox on the GreenMail server, read through its REST API and decoded as a mail client would. */
public final class Inbox {

    /**
     * One received email: subject, its plain-text and HTML parts decoded, and the attached calendar entry (the .ics
     * text, with the Content-Type it came with), if any.
     */
    public record Mail(String subject, String text, String html, String calendar, String calendarType,
                       Map<String, List<String>> headers) {}

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

    public static Mail decode(String raw) {
        return decode(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Mail decode(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            Parts parts = new Parts();
            parts.collect(message);
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (java.util.Enumeration<jakarta.mail.Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
                jakarta.mail.Header header = all.nextElement();
                headers.computeIfAbsent(header.getName(), name -> new java.util.ArrayList<>()).add(header.getValue());
            }
            return new Mail(message.getSubject(), parts.text, parts.html, parts.calendar, parts.calendarType, headers);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable email", e);
        }
    }

    /** Walks nested multiparts (mixed → alternative → text/html) as mail clients do. */
    private static final class Parts {
        String text;
        String html;
        String calendar;
        String calendarType;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart children = (Multipart) part.getContent();
                for (int i = 0; i < children.getCount(); i++) {
                    BodyPart child = children.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/calendar")) {
                calendarType = part.getContentType();
                try (InputStream in = part.getInputStream()) {
                    calendar = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = ((String) part.getContent()).replace("\r\n", "\n"); // SMTP's line ends, read as a client shows them
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            }
        }
    }
}
