package gr.mydimos.notification.message;

import static gr.mydimos.notification.Notifications.awaitLog;
import static gr.mydimos.notification.Notifications.dispatchConcurrently;
import static gr.mydimos.notification.Notifications.log;
import static gr.mydimos.notification.Notifications.run;
import static gr.mydimos.notification.Notifications.summary;
import static org.assertj.core.api.Assertions.assertThat;

import gr.mydimos.events.BookingEvent;
import gr.mydimos.notification.Inbox;
import gr.mydimos.notification.PeerServicesStub;
import gr.mydimos.notification.TestBooking;
import gr.mydimos.testing.MovableClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Booking events from the real Kafka become emails in the real (GreenMail) mail server: each once, at the right
 * time, in the booking's language, with the calendar entry attached (NT-1 … NT-5). "Now" is the tests' clock,
 * 1 December 2026 09:00 in Athens, moved by the tests instead of waiting.
 */
@QuarkusTest
@QuarkusTestResource(PeerServicesStub.class)
class BookingMessagesTest {

    @ConfigProperty(name = "greenmail.api", defaultValue = "http://127.0.0.1:8025")
    String mailApi;
    @Inject
    MovableClock clock;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Vertx vertx;

    @Test
    void aConfirmationIsMailedInGreekWithTheOfficeWhatToBringAndACalendarEntry() throws Exception {
        TestBooking booking = TestBooking.inPerson("el", "2026-12-08T09:10");
        booking.publish("BookingConfirmed");

        Inbox.Mail mail = inbox().await(booking.email(), 1).get(0);
        assertThat(mail.subject()).isEqualTo("Επιβεβαίωση ραντεβού " + booking.reference());
        assertThat(mail.text()).contains("Αγαπητή κυρία / Αγαπητέ κύριε,\n\nΤο ραντεβού σας κλείστηκε")
                .contains("Κωδικός ραντεβού: " + booking.reference())
                .contains("Δήμος: Δήμος Θεσσαλονίκης")
                .contains("Υπηρεσία: Έκδοση πιστοποιητικού δημοτολογίου")
                .contains("Ημερομηνία και ώρα: Τρίτη 8 Δεκεμβρίου 2026, 09:10 (ώρα Ελλάδας)") // whatever the reader's zone
                .contains("Τρόπος εξυπηρέτησης: Με φυσική παρουσία")
                // the office's contact details as the registry has them, not the municipality's switchboard
                .contains("Γραφείο: Τμήμα Δημοτολογίου")
                .contains("Διεύθυνση: Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη")
                .contains("Ωράριο: Δευτέρα–Παρασκευή 08:00–14:00, μόνο με ραντεβού")
                .contains("Τηλέφωνα: 2313317404, 2313317405")
                .contains("Email: dimotologio@thessaloniki.gr")
                .contains("Τι να φέρετε:\n- Αστυνομική ταυτότητα ή διαβατήριο")
                .contains("Αναζητούνται αυτεπάγγελτα από τον δήμο (δεν χρειάζεται να τα φέρετε):\n- Πιστοποιητικό γέννησης")
                .contains("έως 60 λεπτά πριν από την έναρξή του")
                // «Τα ραντεβού μου» leads to this booking's page in the portal
                .contains("«Τα ραντεβού μου» (http://127.0.0.1:8080/bookings/" + booking.reference() + ")")
                .contains("Με εκτίμηση,\nΔήμος Θεσσαλονίκης")
                .doesNotContain("κάμερα").doesNotContain("θα σας καλέσει").doesNotContain("για λογαριασμό σας");
        assertThat(mail.html()).contains("<strong>" + booking.reference() + "</strong>")
                .contains("<a href=\"http://127.0.0.1:8080/bookings/" + booking.reference() + "\">")
                .contains("<html lang=\"el\">").contains("Τμήμα Δημοτολογίου");
        // an automatic message (RFC 3834), identified under the platform's domain
        assertThat(mail.headers().get("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.headers().get("Message-ID")).singleElement().asString().endsWith("@mydimos.gov.gr>");
        assertThat(mail.headers()).doesNotContainKey("Cc"); // no empty Cc: (RFC 5322 allows none rather than an empty one)
        assertThat(mail.headers().get("From")).singleElement().asString().contains("<no-reply@mydimos.gov.gr>");

        // RFC 5546: a request from the organizer, who is the sender of the mail, to its one recipient
        assertThat(mail.calendarType()).contains("method=REQUEST");
        assertThat(calendar(mail).getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(mail.calendar()).containsOnlyOnce("DTSTAMP:");
        VEvent entry = entry(mail);
        assertThat(property(entry, Property.UID)).isEqualTo(booking.reference() + "@mydimos.gov.gr");
        assertThat(property(entry, Property.SEQUENCE)).isEqualTo("0");
        assertThat(property(entry, Property.DTSTART)).isEqualTo("20261208T071000Z");
        assertThat(property(entry, Property.DTEND)).isEqualTo("20261208T072500Z");
        assertThat(property(entry, Property.SUMMARY))
                .isEqualTo("Έκδοση πιστοποιητικού δημοτολογίου – Δήμος Θεσσαλονίκης");
        assertThat(property(entry, Property.LOCATION))
                .isEqualTo("Τμήμα Δημοτολογίου, Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη");
        assertThat(property(entry, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(property(entry, Property.ORGANIZER)).isEqualTo("mailto:no-reply@mydimos.gov.gr");
        assertThat(property(entry, Property.ATTENDEE)).isEqualTo("mailto:" + booking.email());
        assertThat(entry.getProperty(Property.ATTENDEE).orElseThrow().getParameter("RSVP").orElseThrow().getValue())
                .isEqualTo("FALSE");
    }

    @Test
    void aRedeliveredEventSendsNoSecondEmail() {
        TestBooking booking = TestBooking.inPerson("en", "2026-12-08T09:10");
        UUID eventId = UUID.randomUUID();
        booking.publish("BookingConfirmed", eventId, null, null);
        booking.publish("BookingConfirmed", eventId, null, null);
        TestBooking later = TestBooking.inPerson("en", "2026-12-08T09:25");
        later.publish("BookingConfirmed");

        inbox().await(later.email(), 1); // the later event went through, so both copies of the first were handled
        List<Inbox.Mail> mails = inbox().read(booking.email());
        assertThat(mails).extracting(Inbox.Mail::subject)
                .containsExactly("Appointment " + booking.reference() + " confirmed");
        assertThat(mails.get(0).text()).contains("Date and time: Tuesday 8 December 2026, 09:10 (time in Greece)")
                .contains("Office: Municipal Registry Department")
                .contains("What to bring:\n- Identity card or passport");
        assertThat(summary(log(booking.reference()))).containsExactly(
                "CONFIRMATION SENT 2026-12-01T09:00:00+02:00",
                "REMINDER PENDING 2026-12-07T09:10:00+02:00",
                "REMINDER PENDING 2026-12-08T08:10:00+02:00");
    }

    @Test
    void remindersAreSentADayAndAnHourBeforeTheStart() {
        TestBooking booking = TestBooking.inPerson("el", "2026-12-08T09:10");
        booking.publish("BookingConfirmed");
        inbox().await(booking.email(), 1);

        clock.setAthens("2026-12-07T09:10");
        Inbox.Mail reminder = inbox().await(booking.email(), 2).get(1);
        assertThat(reminder.subject())
                .isEqualTo("Υπενθύμιση ραντεβού " + booking.reference() + ": Τρίτη 8 Δεκεμβρίου 2026, 09:10");
        assertThat(reminder.text()).contains("Σας υπενθυμίζουμε ότι έχετε ραντεβού")
                .contains("- Αστυνομική ταυτότητα ή διαβατήριο")
                .contains("Μπορείτε να αλλάξετε ή να ακυρώσετε το ραντεβού");
        assertThat(entry(reminder).getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");

        clock.setAthens("2026-12-08T08:10");
        assertThat(inbox().await(booking.email(), 3)).hasSize(3);
        // an hour before, the change cut-off has come: the reminder does not offer a change online any more
        Inbox.Mail last = inbox().await(booking.email(), 3).get(2);
        assertThat(last.text()).doesNotContain("Μπορείτε να αλλάξετε").contains("επικοινωνήστε με το αρμόδιο τμήμα");
        assertThat(last.html()).doesNotContain("Μπορείτε να αλλάξετε").contains("επικοινωνήστε με το αρμόδιο τμήμα");
        assertThat(summary(log(booking.reference()))).containsExactly(
                "CONFIRMATION SENT 2026-12-01T09:00:00+02:00",
                "REMINDER SENT 2026-12-07T09:10:00+02:00",
                "REMINDER SENT 2026-12-08T08:10:00+02:00");
    }

    @Test
    void aMessageAnotherInstancePlannedIsSentAtOnceThoughNoPollIsDue() {
        TestBooking booking = TestBooking.inPerson("el", "2026-12-08T09:10");
        booking.publish("BookingConfirmed");
        inbox().await(booking.email(), 1);
        run(vertx, dispatcher::tick);
        assertThat(dispatcher.somethingMayBeDue(clock.instant()))
                .as("after a round the dispatcher sleeps until the reminder, days away (the clock stands still)").isFalse();

        // another instance plans a copy for a second address: only the database's notification can tell this one
        String other = "copy-" + booking.email();
        run(vertx, () -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        INSERT INTO message (id, booking_reference, kind, recipient, language, event, due_at, status,
                                             next_attempt_at, attempts, created_at, recipient_role, appointment_start,
                                             appointment_end, calendar_sequence)
                        SELECT gen_random_uuid(), booking_reference, kind, :other, language, event, due_at, 'PENDING',
                               due_at, 0, created_at, recipient_role, appointment_start, appointment_end, calendar_sequence
                        FROM message WHERE booking_reference = :reference AND kind = 'CONFIRMATION'""")
                .setParameter("other", other).setParameter("reference", booking.reference()).executeUpdate())));

        assertThat(inbox().await(other, 1).get(0).subject()).isEqualTo("Επιβεβαίωση ραντεβού " + booking.reference());
    }

    @Test
    void aReminderWhoseTimeIsAlreadyPastWhenBookingIsSkipped() {
        TestBooking booking = TestBooking.inPerson("el", "2026-12-01T15:00");
        booking.publish("BookingConfirmed");

        assertThat(summary(awaitLog(booking.reference(), 2))).containsExactly(
                "CONFIRMATION SENT 2026-12-01T09:00:00+02:00",
                "REMINDER PENDING 2026-12-01T14:00:00+02:00");
    }

    @Test
    void aRescheduleReplansTheRemindersAndUpdatesTheCalendarEntry() throws Exception {
        TestBooking booking = TestBooking.inPerson("el", "2026-12-08T09:10");
        booking.publish("BookingConfirmed");
        inbox().await(booking.email(), 1);
        TestBooking moved = booking.movedTo("2026-12-10T11:00");
        moved.publish("BookingRescheduled", UUID.randomUUID(), booking, null);

        Inbox.Mail notice = inbox().await(booking.email(), 2).get(1);
        assertThat(notice.subject())
                .isEqualTo("Αλλαγή ραντεβού " + booking.reference() + ": Πέμπτη 10 Δεκεμβρίου 2026, 11:00");
        assertThat(notice.text()).contains("το ραντεβού σας άλλαξε από την Τρίτη 8 Δεκεμβρίου 2026, 09:10")
                .contains("Ημερομηνία και ώρα: Πέμπτη 10 Δεκεμβρίου 2026, 11:00");
        VEvent entry = entry(notice);
        assertThat(property(entry, Property.UID)).isEqualTo(booking.reference() + "@mydimos.gov.gr");
        assertThat(property(entry, Property.SEQUENCE)).isEqualTo("1");
        assertThat(property(entry, Property.DTSTART)).isEqualTo("20261210T090000Z");
        assertThat(summary(log(booking.reference()))).containsExactly(
                "CONFIRMATION SENT 2026-12-01T09:00:00+02:00",
                "RESCHEDULE SENT 2026-12-01T09:00:00+02:00",
                "REMINDER CANCELLED 2026-12-07T09:10:00+02:00",
                "REMINDER CANCELLED 2026-12-08T08:10:00+02:00",
                "REMINDER PENDING 2026-12-09T11:00:00+02:00",
                "REMINDER PENDING 2026-12-10T10:00:00+02:00");

        clock.setAthens("2026-12-08T09:00"); // both old reminder times have passed: nothing for the old time
        dispatchConcurrently(dispatcher, vertx, 2);
        assertThat(inbox().read(booking.email())).hasSize(2);

        clock.setAthens("2026-12-09T11:00");
        Inbox.Mail reminder = inbox().await(booking.email(), 3).get(2);
        assertThat(reminder.subject()).endsWith(": Πέμπτη 10 Δεκεμβρίου 2026, 11:00");
        assertThat(property(entry(reminder), Property.SEQUENCE)).isEqualTo("1");
    }

    @Test
    void noReminderIsSentAfterACancellationAndTheCalendarEntryIsWithdrawn() throws Exception {
        TestBooking booking = TestBooking.inPerson("en", "2026-12-08T09:10");
        booking.publish("BookingConfirmed");
        inbox().await(booking.email(), 1);
        booking.publish("BookingCancelled");

        Inbox.Mail cancellation = inbox().await(booking.email(), 2).get(1);
        assertThat(cancellation.subject()).isEqualTo("Appointment " + booking.reference() + " cancelled");
        assertThat(cancellation.text()).contains("Your appointment has been cancelled. You can book")
                .doesNotContain("What to bring");
        assertThat(cancellation.calendarType()).contains("method=CANCEL");
        Calendar calendar = calendar(cancellation);
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent entry = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(property(entry, Property.UID)).isEqualTo(booking.reference() + "@mydimos.gov.gr");
        assertThat(property(entry, Property.SEQUENCE)).isEqualTo("1");
        assertThat(property(entry, Property.STATUS)).isEqualTo("CANCELLED");
        // the same organizer and attendee as the request it withdraws (RFC 5546 §3.2.5)
        assertThat(property(entry, Property.ORGANIZER)).isEqualTo("mailto:no-reply@mydimos.gov.gr");
        assertThat(property(entry, Property.ATTENDEE)).isEqualTo("mailto:" + booking.email());

        clock.setAthens("2026-12-08T09:00");
        dispatchConcurrently(dispatcher, vertx, 2);
        assertThat(inbox().read(booking.email())).hasSize(2);
        List<Map<String, Object>> log = log(booking.reference());
        assertThat(summary(log)).containsExactly(
                "CONFIRMATION SENT 2026-12-01T09:00:00+02:00",
                "CANCELLATION SENT 2026-12-01T09:00:00+02:00",
                "REMINDER CANCELLED 2026-12-07T09:10:00+02:00",
                "REMINDER CANCELLED 2026-12-08T08:10:00+02:00");
        assertThat(log.get(3)).containsEntry("cancelledBecause", "booking cancelled");
    }

    @Test
    void aReminderDueWhileNothingWasSentGoesOnceIfTheAppointmentHasNotBegun() {
        TestBooking stillAhead = TestBooking.inPerson("en", "2026-12-03T10:00");
        TestBooking begun = TestBooking.inPerson("en", "2026-12-03T09:15");
        stillAhead.publish("BookingConfirmed");
        begun.publish("BookingConfirmed");
        inbox().await(stillAhead.email(), 1);
        inbox().await(begun.email(), 1);

        // Both reminders of each booking fell due while nothing was dispatched (a service down overnight).
        clock.setAthens("2026-12-03T09:30");
        dispatchConcurrently(dispatcher, vertx, 3);
        dispatchConcurrently(dispatcher, vertx, 3);

        List<Inbox.Mail> mails = inbox().read(stillAhead.email());
        assertThat(mails).extracting(Inbox.Mail::subject).containsExactly(
                "Appointment " + stillAhead.reference() + " confirmed",
                "Reminder: appointment " + stillAhead.reference() + " on Thursday 3 December 2026, 10:00");
        List<Map<String, Object>> log = log(stillAhead.reference());
        assertThat(summary(log)).containsExactly(
                "CONFIRMATION SENT 2026-12-01T09:00:00+02:00",
                "REMINDER CANCELLED 2026-12-02T10:00:00+02:00",
                "REMINDER SENT 2026-12-03T09:00:00+02:00");
        assertThat(log.get(1)).containsEntry("cancelledBecause",
                "a later reminder of the same appointment was due as well");

        assertThat(inbox().read(begun.email())).hasSize(1);
        assertThat(log(begun.reference())).extracting(e -> e.get("status") + " " + e.get("cancelledBecause"))
                .containsExactly("SENT null",
                        "CANCELLED the appointment began before the reminder could be sent",
                        "CANCELLED the appointment began before the reminder could be sent");
    }

    @Test
    void concurrentDispatchersNeverSendTheSameMessage() {
        List<TestBooking> bookings = IntStream.range(0, 20)
                .mapToObj(i -> TestBooking.inPerson("el", "2026-12-05T10:00")).toList();
        bookings.forEach(b -> b.publish("BookingConfirmed"));
        bookings.forEach(b -> inbox().await(b.email(), 1));

        clock.setAthens("2026-12-04T10:00"); // 20 reminders fall due at once; batches of 5 per round
        dispatchConcurrently(dispatcher, vertx, 6);
        dispatchConcurrently(dispatcher, vertx, 6);

        for (TestBooking booking : bookings) {
            assertThat(inbox().await(booking.email(), 2)).extracting(Inbox.Mail::subject).containsExactly(
                    "Επιβεβαίωση ραντεβού " + booking.reference(),
                    "Υπενθύμιση ραντεβού " + booking.reference() + ": Σάββατο 5 Δεκεμβρίου 2026, 10:00");
        }
    }

    @Test
    void anInvitedThirdPersonReceivesTheVideoLinkAndLaterTheCancellation() throws Exception {
        TestBooking booking = TestBooking.video("el", "2026-12-08T12:00");
        booking.publish("BookingConfirmed");

        Inbox.Mail confirmation = inbox().await(booking.email(), 1).get(0);
        assertThat(confirmation.text()).contains("Τρόπος εξυπηρέτησης: Με τηλεδιάσκεψη")
                .contains("Σύνδεσμος τηλεδιάσκεψης: https://meet.mydimos.gov.gr/" + booking.reference())
                // and where to try the camera and microphone first (issue 22)
                .contains("Έλεγχος κάμερας και μικροφώνου πριν από την κλήση: http://127.0.0.1:8080/device-check")
                // the office in charge is named for a video call too (seed 004 Art.1§5, Art.3§1)
                .contains("Αρμόδιο τμήμα: Τμήμα Δημοτολογίου")
                .contains("συσκευή (υπολογιστή, τάμπλετ ή κινητό) με ενεργοποιημένη κάμερα και μικρόφωνο")
                .contains("να επιδείξετε στην κάμερα το δελτίο ταυτότητάς σας ή το διαβατήριό σας")
                .contains("αν εκπροσωπείτε επιχείρηση, τα έγγραφα που αποδεικνύουν τη νόμιμη εκπροσώπησή της");
        Inbox.Mail invitation = inbox().await(booking.thirdPartyEmail(), 1).get(0);
        assertThat(invitation.subject()).isEqualTo("Πρόσκληση σε τηλεδιάσκεψη: Δήμος Θεσσαλονίκης");
        assertThat(invitation.text())
                .contains("Ο/Η Μαρία Παπαδοπούλου σας προσκαλεί να συμμετάσχετε στην τηλεδιάσκεψη")
                .contains("Ημερομηνία και ώρα: Τρίτη 8 Δεκεμβρίου 2026, 12:00")
                // the invited person enters by a link of their own, not the applicant's
                .contains("Σύνδεσμος τηλεδιάσκεψης: https://meet.mydimos.gov.gr/invited-" + booking.reference())
                .contains("με ενεργοποιημένη κάμερα και μικρόφωνο")
                .doesNotContain("Κωδικός ραντεβού").doesNotContain("Τι να φέρετε").doesNotContain("ταυτότητ");
        VEvent invited = entry(invitation);
        assertThat(property(invited, Property.URL)).isEqualTo("https://meet.mydimos.gov.gr/invited-" + booking.reference());
        // the invited person's calendar entry is theirs: it does not carry the applicant's reference
        assertThat(property(invited, Property.UID)).endsWith("@mydimos.gov.gr").doesNotContain(booking.reference());
        assertThat(property(invited, Property.DESCRIPTION)).doesNotContain("Κωδικός ραντεβού");
        assertThat(property(invited, Property.ATTENDEE)).isEqualTo("mailto:" + booking.thirdPartyEmail());

        booking.movedTo("2026-12-09T12:00").publish("BookingRescheduled", UUID.randomUUID(), booking, null);
        Inbox.Mail moved = inbox().await(booking.thirdPartyEmail(), 2).get(1);
        assertThat(moved.subject()).isEqualTo("Αλλαγή ώρας τηλεδιάσκεψης: Δήμος Θεσσαλονίκης");
        assertThat(moved.text()).contains("μεταφέρθηκε από την Τρίτη 8 Δεκεμβρίου 2026, 12:00 στη νέα ημερομηνία και ώρα")
                .contains("Ημερομηνία και ώρα: Τετάρτη 9 Δεκεμβρίου 2026, 12:00");
        assertThat(property(entry(moved), Property.UID)).isEqualTo(property(invited, Property.UID));
        assertThat(property(entry(moved), Property.SEQUENCE)).isEqualTo("1");

        booking.publish("BookingCancelled");
        Inbox.Mail withdrawn = inbox().await(booking.thirdPartyEmail(), 3).get(2);
        assertThat(withdrawn.subject()).isEqualTo("Ακύρωση τηλεδιάσκεψης: Δήμος Θεσσαλονίκης");
        assertThat(withdrawn.text()).doesNotContain("Σύνδεσμος τηλεδιάσκεψης");
        Calendar cancelled = calendar(withdrawn);
        assertThat(cancelled.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent gone = (VEvent) cancelled.getComponent("VEVENT").orElseThrow();
        assertThat(property(gone, Property.UID)).isEqualTo(property(invited, Property.UID));
        assertThat(property(gone, Property.ATTENDEE)).isEqualTo("mailto:" + booking.thirdPartyEmail());
        assertThat(property(gone, Property.ORGANIZER)).isEqualTo("mailto:no-reply@mydimos.gov.gr");
        assertThat(property(gone, Property.STATUS)).isEqualTo("CANCELLED");
    }

    @Test
    void aPhoneAppointmentBookedForAnotherPersonSaysTheMunicipalityCallsAndThatTheyMustAttend() {
        TestBooking booking = TestBooking.phoneForAnother("en", "2026-12-10T11:00");
        booking.publish("BookingConfirmed");

        Inbox.Mail mail = inbox().await(booking.email(), 1).get(0);
        assertThat(mail.text()).contains("Dear Μαρία Παπαδοπούλου,")
                .contains("Type of appointment: By phone")
                .contains("Office in charge: Municipal Registry Department")
                .contains("a municipal officer will call you on the phone number you gave")
                .contains("Service by phone is for information only.")
                .contains("This appointment was booked for you by someone else. You must attend it yourself.")
                .doesNotContain("camera").doesNotContain("Address:");
        assertThat(mail.html()).contains("booked for you by someone else");

        // whoever booked gets a copy of the notices, without a calendar entry (they do not attend), and no reminders
        Inbox.Mail copy = inbox().await(booking.bookerEmail(), 1).get(0);
        assertThat(copy.subject()).isEqualTo("Copy: Appointment " + booking.reference() + " confirmed");
        assertThat(copy.text()).contains("Here is a copy of the notice sent to Μαρία Παπαδοπούλου, for whom you booked the appointment")
                .contains("Μαρία Παπαδοπούλου must attend the appointment themselves.")
                .contains("Reference: " + booking.reference())
                .doesNotContain("Dear Μαρία").doesNotContain("will call you");
        assertThat(copy.calendar()).isNull();
        assertThat(log(booking.reference())).filteredOn(e -> "REMINDER".equals(e.get("kind")))
                .extracting(e -> e.get("to")).containsExactly("APPLICANT", "APPLICANT");
        booking.publish("BookingCancelled");
        assertThat(inbox().await(booking.bookerEmail(), 2).get(1).subject())
                .isEqualTo("Copy: Appointment " + booking.reference() + " cancelled");
    }

    @Test
    void aProposedTransferIsExplainedAndAnAcceptedOneMovesTheEntry() throws Exception {
        TestBooking booking = TestBooking.inPerson("el", "2026-12-08T09:10");
        booking.publish("BookingConfirmed");
        inbox().await(booking.email(), 1);
        BookingEvent.Proposal proposal = TestBooking.proposal("2026-12-09T10:00", "2026-12-03T09:00", null, false);
        booking.publish("BookingTransferProposed", UUID.randomUUID(), null, proposal);

        Inbox.Mail proposed = inbox().await(booking.email(), 2).get(1);
        assertThat(proposed.subject()).isEqualTo("Πρόταση μεταφοράς ραντεβού " + booking.reference());
        assertThat(proposed.text())
                .contains("Ο δήμος προτείνει να μεταφερθεί το ραντεβού σας στη νέα ημερομηνία και ώρα: Τετάρτη 9 Δεκεμβρίου 2026, 10:00")
                .contains("έως την Πέμπτη 3 Δεκεμβρίου 2026, 09:00")
                .contains("Τρέχουσα ημερομηνία και ώρα: Τρίτη 8 Δεκεμβρίου 2026, 09:10");
        assertThat(proposed.calendar()).isNull(); // nothing changes in the calendar until it is accepted

        booking.movedTo("2026-12-09T10:00").publish("BookingTransferred", UUID.randomUUID(), booking, null);
        Inbox.Mail transferred = inbox().await(booking.email(), 3).get(2);
        assertThat(transferred.subject())
                .isEqualTo("Μεταφορά ραντεβού " + booking.reference() + ": Τετάρτη 9 Δεκεμβρίου 2026, 10:00");
        assertThat(transferred.text()).contains("Με τη συναίνεσή σας");
        assertThat(property(entry(transferred), Property.SEQUENCE)).isEqualTo("1");
        assertThat(property(entry(transferred), Property.DTSTART)).isEqualTo("20261209T080000Z");
    }

    @Test
    void aClosuresProposalSaysWhatHappensWithoutAnAnswerAndItsCancellationSaysWhyAndWhereToBookAgain() {
        TestBooking booking = TestBooking.inPerson("el", "2026-12-10T09:10");
        booking.publish("BookingConfirmed");
        inbox().await(booking.email(), 1);
        BookingEvent.Proposal proposal = TestBooking.proposal("2026-12-11T10:00", "2026-12-09T12:00", "Στάση εργασίας", true);
        booking.publish("BookingTransferProposed", UUID.randomUUID(), null, proposal);
        assertThat(inbox().await(booking.email(), 2).get(1).text())
                .contains("Λόγος: Στάση εργασίας")
                .contains("Την ώρα του ραντεβού σας η υπηρεσία δεν θα λειτουργεί")
                .contains("Αν την απορρίψετε ή δεν απαντήσετε έως τότε, το ραντεβού σας ακυρώνεται");

        booking.publish("BookingCancelled", UUID.randomUUID(), null, null, "Στάση εργασίας");
        Inbox.Mail cancelled = inbox().await(booking.email(), 3).get(2);
        assertThat(cancelled.subject()).isEqualTo("Ακύρωση ραντεβού " + booking.reference());
        assertThat(cancelled.text())
                .contains("Ο δήμος ακύρωσε το ραντεβού σας για τον εξής λόγο: Στάση εργασίας")
                .contains("/municipalities/thessaloniki");
    }

    private Inbox inbox() {
        return new Inbox(mailApi);
    }

    private static Calendar calendar(Inbox.Mail mail) throws Exception {
        assertThat(mail.calendar()).as("attached .ics").isNotNull();
        return new CalendarBuilder().build(new StringReader(mail.calendar()));
    }

    private static VEvent entry(Inbox.Mail mail) {
        try {
            return (VEvent) calendar(mail).getComponent("VEVENT").orElseThrow();
        } catch (Exception e) {
            throw new AssertionError("Unreadable calendar entry", e);
        }
    }

    private static String property(VEvent entry, String name) {
        return entry.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }
}
