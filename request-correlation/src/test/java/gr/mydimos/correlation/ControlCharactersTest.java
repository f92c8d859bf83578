package gr.mydimos.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void aLineBreakInLoggedInputCannotStartAForgedLine() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "search for %s", ExtLogRecord.FormatStyle.PRINTF,
                ControlCharactersTest.class.getName());
        record.setParameters(new Object[] {"x\r\n2026-12-02 10:00:00,000 INFO  [gr.myd.adm] admin signed in\u0007"});

        assertThat(new ControlCharacters().isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0007")
                .isEqualTo("search for x\\r\\n2026-12-02 10:00:00,000 INFO  [gr.myd.adm] admin signed in\\u0007");
    }

    @Test
    void anOrdinaryMessageIsLeftAsItIs() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Θεσσαλονίκη: %d bookings", ExtLogRecord.FormatStyle.PRINTF,
                ControlCharactersTest.class.getName());
        record.setParameters(new Object[] {3});
        new ControlCharacters().isLoggable(record);
        assertThat(record.getFormattedMessage()).isEqualTo("Θεσσαλονίκη: 3 bookings");
    }
}
