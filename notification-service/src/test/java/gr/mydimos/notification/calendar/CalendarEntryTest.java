package gr.mydimos.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 5545 §3.1 on the .ics a person's calendar receives: lines of at most 75 octets, Greek included. */
class CalendarEntryTest {

    @Test
    void greekLinesAreFoldedAtSeventyFiveOctetsNeverInsideALetter() {
        String description = "Κωδικός ραντεβού K7QX-M4PA. Φέρτε αστυνομική ταυτότητα ή διαβατήριο και το πιστοποιητικό "
                + "οικογενειακής κατάστασης· η υπηρεσία αναζητά αυτεπάγγελτα το πιστοποιητικό γέννησης.";
        String ics = new CalendarEntry("K7QX-M4PA@mydimos.gov.gr", 0, Instant.parse("2026-12-08T07:10:00Z"),
                Instant.parse("2026-12-08T07:25:00Z"), "Έκδοση πιστοποιητικού δημοτολογίου – Δήμος Θεσσαλονίκης",
                description, "Τμήμα Δημοτολογίου, Βασιλέως Γεωργίου Α΄ 1, 546 40 Θεσσαλονίκη", null,
                new CalendarEntry.Party("myDimos", "no-reply@mydimos.gov.gr"),
                new CalendarEntry.Party("Μαρία Παπαδοπούλου", "maria@example.gr"), false)
                .render(Instant.parse("2026-12-01T07:00:00Z"));

        assertThat(ics).endsWith("\r\n");
        assertThat(Arrays.asList(ics.split("\r\n")))
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75))
                .noneMatch(line -> line.contains("\uFFFD"));
        // unfolded, the text is whole again
        assertThat(ics.replace("\r\n ", "")).contains("DESCRIPTION:" + description.replace(",", "\\,").replace(";", "\\;"))
                .contains("SUMMARY:Έκδοση πιστοποιητικού δημοτολογίου – Δήμος Θεσσαλονίκης");
    }
}
