package gr.mydimos.correlation;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * A log line is one line: control characters in a message (a CR/LF sent in a request would otherwise start a forged
 * line in the readable log) are written as escapes such as {@code \n} and {@code \u0007}. The JSON log escapes them
 * itself; this filter is set on both handlers (META-INF/microprofile-config.properties of this library), so that no
 * format depends on it.
 */
@LoggingFilter(name = ControlCharacters.NAME)
public final class ControlCharacters implements Filter {

    public static final String NAME = "escape-control-characters";

    @Override
    public boolean isLoggable(LogRecord record) {
        ExtLogRecord ext = ExtLogRecord.wrap(record);
        String message = ext.getFormattedMessage();
        if (message != null && message.chars().anyMatch(ControlCharacters::control)) {
            ext.setMessage(escape(message), ExtLogRecord.FormatStyle.NO_FORMAT);
            ext.setParameters(null);
        }
        return true;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (control(c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean control(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }
}
