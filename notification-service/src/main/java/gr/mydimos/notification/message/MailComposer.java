package gr.mydimos.notification.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gr.mydimos.notification.NotificationConfig;
import gr.mydimos.notification.calendar.CalendarEntry;
import gr.mydimos.notification.contact.Contacts;
import gr.mydimos.notification.event.BookingEvent;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a message in the booking's language, as HTML and plain text with an .ics attachment, from the templates
 * {@code mail/booking-{el,en}.{html,txt}} (NT-1, NT-3, NT-5). Every word a person reads is in the templates: the
 * subject, the calendar entry's summary and description are fragments of the text template.
 */
@ApplicationScoped
public class MailComposer {

    /** What the templates show, already in the message's language. */
    public record Model(Message.Kind kind, boolean thirdParty, String reference, String fullName, String municipality,
                        String service, String mode, boolean inPerson, String when, String previousWhen,
                        String proposedWhen, String acceptBy, String videoLink, List<String> bring,
                        List<String> officeRetrieves, Place office, long cutOffMinutes, String portalUrl,
                        boolean changeableOnline) {

        public boolean cancelled() {
            return kind == Message.Kind.CANCELLATION;
        }
    }

    /** The office of the appointment: where it is and how to reach it. */
    public record Place(String name, String address, String phones, String email, String hours) {}

    @Inject
    Engine templates;
    @Inject
    ObjectMapper json;
    @Inject
    NotificationConfig config;
    @Inject
    Contacts contacts;
    @Inject
    Clock clock;

    public Uni<Mail> compose(Message message) {
        BookingEvent event;
        try {
            event = json.readValue(message.event, BookingEvent.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Stored event of message " + message.id
                    + " unreadable", e));
        }
        BookingEvent.Booking booking = event.booking();
        return contacts.office(booking.municipality().code(), booking.unitId())
                .map(office -> mail(message, event, model(message, event, office)));
    }

    private Model model(Message message, BookingEvent event, Contacts.Office office) {
        BookingEvent.Booking booking = event.booking();
        boolean greek = "el".equals(message.language);
        List<BookingEvent.Document> documents = booking.documents() == null ? List.of() : booking.documents();
        Place place = new Place(greek ? office.nameEl() : office.nameEn(), office.address(),
                String.join(", ", office.phones()), office.email(), greek ? office.hoursEl() : office.hoursEn());
        return new Model(message.kind, message.recipientRole == Message.RecipientRole.THIRD_PARTY,
                booking.reference(), booking.person() == null ? "" : booking.person().fullName(),
                greek ? booking.municipality().nameEl() : booking.municipality().nameEn(),
                greek ? booking.service().nameEl() : booking.service().nameEn(),
                booking.mode(), "IN_PERSON".equals(booking.mode()),
                when(booking.start(), message.language),
                event.previous() == null ? null : when(event.previous().start(), message.language),
                event.proposal() == null ? null : when(event.proposal().start(), message.language),
                event.proposal() == null ? null : when(event.proposal().expiresAt(), message.language),
                booking.videoLink(),
                documents.stream().filter(d -> !d.exOfficio()).map(d -> greek ? d.nameEl() : d.nameEn()).toList(),
                documents.stream().filter(BookingEvent.Document::exOfficio).map(d -> greek ? d.nameEl() : d.nameEn()).toList(),
                place, config.changeCutOff().toMinutes(), config.portalUrl().orElse(null),
                // a reminder an hour before the start is sent at the cut-off: it must not offer what is no longer possible
                clock.instant().isBefore(booking.start().toInstant().minus(config.changeCutOff())));
    }

    private Mail mail(Message message, BookingEvent event, Model model) {
        Template text = templates.getTemplate("mail/booking-" + message.language + ".txt");
        Template html = templates.getTemplate("mail/booking-" + message.language + ".html");
        Mail mail = Mail.withHtml(message.recipient, fragment(text, "subject", model),
                        html.data("m", model).render().strip())
                .setText(text.data("m", model).render().strip())
                // RFC 3834: a message no person wrote, so that autoresponders do not answer it
                .addHeader("Auto-Submitted", "auto-generated");
        if (message.kind.hasCalendar()) {
            BookingEvent.Booking booking = event.booking();
            CalendarEntry entry = new CalendarEntry(booking.reference() + "@" + config.calendarDomain(),
                    message.calendarSequence, booking.start().toInstant(), booking.end().toInstant(),
                    fragment(text, "summary", model), text.getFragment("description").data("m", model).render().strip(),
                    model.inPerson() ? model.office().name() + ", " + model.office().address() : null,
                    booking.videoLink(), model.office().email(), message.kind == Message.Kind.CANCELLATION);
            mail.addAttachment(message.kind == Message.Kind.CANCELLATION ? "cancel.ics" : "appointment.ics",
                    entry.render(clock.instant()).getBytes(StandardCharsets.UTF_8), entry.contentType());
        }
        return mail;
    }

    /** A one-line fragment of a template (subject, calendar summary), whitespace folded. */
    private static String fragment(Template template, String id, Model model) {
        return template.getFragment(id).data("m", model).render().strip().replaceAll("\\s+", " ");
    }

    private String when(OffsetDateTime time, String language) {
        return time.atZoneSameInstant(config.zone())
                .format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.forLanguageTag(language)));
    }
}
