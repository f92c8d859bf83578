package gr.mydimos.registry.identifiers;

import java.util.regex.Pattern;

/** Greek postal codes (Τ.Κ.): five digits, the first 1–8 (no maintained library covers them). */
public final class GreekPostalCode {

    private static final Pattern FORMAT = Pattern.compile("[1-8][0-9]{4}");

    private GreekPostalCode() {
    }

    public static boolean isValid(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }
}
