package gr.mydimos.notification.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * An appointment as an iCalendar object (RFC 5545/5546, NT-5), made with ical4j, sent the iTIP way calendar clients
 * honour: each version is a METHOD:REQUEST from the organizer — the platform's sending address, the From of the mail —
 * to the one attendee the mail goes to (already accepted, no reply asked for), with the same UID and a growing
 * SEQUENCE so that the calendar updates the entry it has; a cancellation is a METHOD:CANCEL of that UID, to the same
 * attendee, with STATUS:CANCELLED. Times are in UTC, which every calendar shows in its own zone.
 */
public record CalendarEntry(String uid, int sequence, Instant start, Instant end, String summary, String description,
                            String location, String videoLink, Party organizer, Party attendee, boolean cancelled) {

    /** Someone in the entry: a name to show and an e-mail address. */
    public record Party(String name, String email) {

        URI address() {
            return URI.create("mailto:" + email);
        }
    }

    private static final ProdId PRODUCT = new ProdId("-//myDimos//Appointments//EL");

    /** The .ics text, lines folded and CRLF-terminated as the standard requires. */
    public String render(Instant stamp) {
        VEvent event = new VEvent(start, end, summary);
        event.add(new Uid(uid));
        event.add(new Sequence(sequence));
        event.replace(new DtStamp(stamp)); // the constructor stamps the real time
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (description != null) {
            event.add(new Description(description));
        }
        if (location != null) {
            event.add(new Location(location));
        }
        if (videoLink != null) {
            event.add(new Url(URI.create(videoLink)));
        }
        event.add(new Organizer(new ParameterList(List.of(new Cn(organizer.name()))), organizer.address()));
        event.add(new Attendee(new ParameterList(List.of(new Cn(attendee.name() == null || attendee.name().isBlank()
                ? attendee.email() : attendee.name()), Role.REQ_PARTICIPANT, PartStat.ACCEPTED, Rsvp.FALSE)),
                attendee.address()));
        Calendar calendar = new Calendar();
        calendar.add(PRODUCT);
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("Calendar entry " + uid + " could not be written", e);
        }
        return foldedByOctets(out.toString());
    }

    /**
     * RFC 5545 §3.1: content lines are folded at 75 octets, not characters; ical4j folds at 75 characters, which for
     * Greek (two octets a letter) gives lines of up to 150. So its lines are unfolded and folded again by octets,
     * never inside a character.
     */
    static String foldedByOctets(String ics) {
        StringBuilder folded = new StringBuilder(ics.length() + ics.length() / 32);
        for (String line : ics.replace("\r\n ", "").split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > MAX_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1; // the space that marks the continuation
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }

    private static final int MAX_OCTETS = 75;

    /** The MIME type of the attachment, naming the method as RFC 6047 asks. */
    public String contentType() {
        return "text/calendar; charset=UTF-8; method=" + (cancelled ? "CANCEL" : "REQUEST");
    }
}
