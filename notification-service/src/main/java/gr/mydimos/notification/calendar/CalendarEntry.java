package gr.mydimos.notification.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
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
 * An appointment as an iCalendar object (RFC 5545/5546, NT-5), made with ical4j. Every version of one booking has
 * the same UID and a growing SEQUENCE, so a calendar updates the entry it already has; a cancellation is
 * METHOD:CANCEL with STATUS:CANCELLED. Times are in UTC, which every calendar shows in its own zone.
 */
public record CalendarEntry(String uid, int sequence, Instant start, Instant end, String summary, String description,
                            String location, String videoLink, String organizerEmail, boolean cancelled) {

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
        if (organizerEmail != null) {
            event.add(new Organizer(URI.create("mailto:" + organizerEmail)));
        }
        Calendar calendar = new Calendar();
        calendar.add(PRODUCT);
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
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
        return "text/calendar; charset=UTF-8; method=" + (cancelled ? "CANCEL" : "PUBLISH");
    }
}
