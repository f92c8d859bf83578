package gr.mydimos.notification.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gr.mydimos.events.BookingEvent;
import gr.mydimos.notification.NotificationConfig;
import gr.mydimos.notification.calendar.CalendarEntry;
import gr.mydimos.notification.contact.Contacts;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
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
                        List<String> officeRetrieves, Place office, long cutOffMinutes, String bookingUrl,
                        boolean changeableOnline, boolean onBehalfOfOther, boolean booker, String reason,
                        boolean cancelsIfUnanswered, String bookAgainUrl, String deviceCheckUrl) {

        public boolean cancelled() {
            return kind == Message.Kind.CANCELLATION;
        }

        public boolean proposal() {
            return kind == Message.Kind.TRANSFER_PROPOSAL;
        }

        public boolean video() {
            return "VIDEO".equals(mode);
        }

        public boolean phone() {
            return "PHONE".equals(mode);
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
    @Inject
    MailServer mailServer;

    private static final String UTF_8 = "UTF-8";

    public Uni<MimeMessage> compose(Message message) {
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
                booking.mode().name(), booking.mode() == BookingEvent.Mode.IN_PERSON,
                when(booking.start(), message.language),
                event.previous() == null ? null : when(event.previous().start(), message.language),
                event.proposal() == null ? null : when(event.proposal().start(), message.language),
                event.proposal() == null ? null : when(event.proposal().expiresAt(), message.language),
                // an invited person enters by a link of their own (events before it was given have only the applicant's)
                message.recipientRole == Message.RecipientRole.THIRD_PARTY && booking.thirdPartyVideoLink() != null
                        ? booking.thirdPartyVideoLink() : booking.videoLink(),
                documents.stream().filter(d -> !d.exOfficio()).map(d -> greek ? d.nameEl() : d.nameEn()).toList(),
                documents.stream().filter(BookingEvent.Document::exOfficio).map(d -> greek ? d.nameEl() : d.nameEn()).toList(),
                place, config.changeCutOff().toMinutes(),
                config.portalUrl().map(portal -> portal.replaceAll("/+$", "") + "/bookings/" + booking.reference()).orElse(null),
                // a reminder an hour before the start is sent at the cut-off: it must not offer what is no longer possible
                clock.instant().isBefore(booking.start().toInstant().minus(config.changeCutOff())),
                booking.onBehalfOfOther(), message.recipientRole == Message.RecipientRole.BOOKER,
                // the municipality's reason: of a cancellation it decided, or of a proposed new time
                event.proposal() != null ? event.proposal().reason() : event.reason(),
                event.proposal() != null && event.proposal().cancelsIfUnanswered(),
                config.portalUrl().map(portal -> portal.replaceAll("/+$", "") + "/municipalities/"
                        + booking.municipality().code()).orElse(null),
                config.portalUrl().map(portal -> portal.replaceAll("/+$", "") + "/device-check").orElse(null));
    }

    private MimeMessage mail(Message message, BookingEvent event, Model model) {
        Template text = templates.getTemplate("mail/booking-" + message.language + ".txt");
        Template html = templates.getTemplate("mail/booking-" + message.language + ".html");
        try {
            MimeMessage mail = mailServer.newMail(message.id);
            mail.setFrom(mailServer.sender());
            mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(message.recipient));
            mail.setSubject(fragment(text, "subject", model), UTF_8);
            mail.setSentDate(Date.from(clock.instant()));
            // RFC 3834: a message no person wrote, so that autoresponders do not answer it
            mail.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text.data("m", model).render().strip(), UTF_8);
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html.data("m", model).render().strip(), UTF_8, "html");
            base64(plain);
            base64(rich);
            MimeMultipart body = new MimeMultipart("alternative", plain, rich);
            if (message.kind.hasCalendar() && !model.booker()) { // the copy's reader does not attend
                BookingEvent.Booking booking = event.booking();
                CalendarEntry entry = new CalendarEntry(uid(message, booking), message.calendarSequence,
                        booking.start().toInstant(), booking.end().toInstant(), fragment(text, "summary", model),
                        text.getFragment("description").data("m", model).render().strip(),
                        model.inPerson() ? model.office().name() + ", " + model.office().address() : null,
                        model.videoLink(), sender(),
                        new CalendarEntry.Party(model.thirdParty() ? null : model.fullName(), message.recipient),
                        message.kind == Message.Kind.CANCELLATION);
                MimeBodyPart calendar = new MimeBodyPart();
                calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(
                        entry.render(clock.instant()).getBytes(StandardCharsets.UTF_8), entry.contentType())));
                calendar.setFileName(message.kind == Message.Kind.CANCELLATION ? "cancel.ics" : "appointment.ics");
                calendar.setDisposition(Part.ATTACHMENT);
                base64(calendar);
                MimeBodyPart texts = new MimeBodyPart();
                texts.setContent(body);
                mail.setContent(new MimeMultipart("mixed", texts, calendar));
            } else {
                mail.setContent(body);
            }
            mail.saveChanges();
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException("Message " + message.id + " could not be put together: " + e.getMessage(), e);
        }
    }

    /**
     * Greek text is two bytes a letter in UTF-8: base64 carries it in a third of quoted-printable's size, and named
     * beforehand, the encoding is not chosen by reading every part once more before it is written.
     */
    private static void base64(MimeBodyPart part) throws MessagingException {
        part.setHeader("Content-Transfer-Encoding", "base64");
    }

    /**
     * The applicant's entry is named after the booking; an invited person's is an opaque one of their own, the same
     * for every version, which does not give away the applicant's reference.
     */
    private String uid(Message message, BookingEvent.Booking booking) {
        if (message.recipientRole != Message.RecipientRole.THIRD_PARTY) {
            return booking.reference() + "@" + config.calendarDomain();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((booking.reference() + "\n" + message.recipient)
                    .getBytes(StandardCharsets.UTF_8));
            return "invitation-" + HexFormat.of().formatHex(digest, 0, 16) + "@" + config.calendarDomain();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The organizer of every entry is the address the mail comes from, as calendar clients expect (RFC 6047). */
    private CalendarEntry.Party sender() {
        InternetAddress from = mailServer.sender();
        return new CalendarEntry.Party(from.getPersonal() == null ? from.getAddress() : from.getPersonal(), from.getAddress());
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
