package gr.mydimos.notification.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gr.mydimos.notification.NotificationConfig;
import gr.mydimos.notification.event.BookingEvent;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a message in the booking's language, as HTML and plain text, from templates/mail (NT-1). */
@ApplicationScoped
public class MailComposer {

    /** What the templates show; names already in the message's language. */
    public record Model(String reference, String fullName, String municipality, String service, String when,
                        String mode, String videoLink, List<String> bring, List<String> officeRetrieves) {}

    private static final Map<String, String> SUBJECTS = Map.of(
            "el", "Επιβεβαίωση ραντεβού %s",
            "en", "Appointment confirmed %s");
    private static final Map<String, Map<String, String>> MODES = Map.of(
            "el", Map.of("IN_PERSON", "Δια ζώσης", "PHONE", "Τηλεφωνικά", "VIDEO", "Βιντεοκλήση"),
            "en", Map.of("IN_PERSON", "In person", "PHONE", "By phone", "VIDEO", "Video call"));

    @Inject
    Engine templates;
    @Inject
    ObjectMapper json;
    @Inject
    NotificationConfig config;

    public Mail compose(Message message) {
        BookingEvent.Booking booking;
        try {
            booking = json.readValue(message.booking, BookingEvent.Booking.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored booking of message " + message.id + " unreadable", e);
        }
        boolean greek = "el".equals(message.language);
        Locale locale = Locale.forLanguageTag(message.language);
        String when = booking.start().atZoneSameInstant(config.zone())
                .format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale));
        List<BookingEvent.Document> documents = booking.documents() == null ? List.of() : booking.documents();
        Model model = new Model(booking.reference(), booking.person().fullName(),
                greek ? booking.municipality().nameEl() : booking.municipality().nameEn(),
                greek ? booking.service().nameEl() : booking.service().nameEn(),
                when, MODES.get(message.language).getOrDefault(booking.mode(), booking.mode()), booking.videoLink(),
                documents.stream().filter(d -> !d.exOfficio()).map(d -> greek ? d.nameEl() : d.nameEn()).toList(),
                documents.stream().filter(BookingEvent.Document::exOfficio).map(d -> greek ? d.nameEl() : d.nameEn()).toList());
        String name = "mail/" + message.kind.name().toLowerCase(Locale.ROOT) + "-" + message.language;
        return Mail.withHtml(message.recipient, SUBJECTS.get(message.language).formatted(booking.reference()),
                        templates.getTemplate(name + ".html").data("m", model).render())
                .setText(templates.getTemplate(name + ".txt").data("m", model).render());
    }
}
