package gr.mydimos.identifiers;

/**
 * The Greek tax number (ΑΦΜ): nine digits, the last a check digit — the sum of the first eight, each times
 * 2^(8 - position), modulo 11, modulo 10. No maintained library covers it; this is the published algorithm.
 */
public final class TaxNumber {

    private TaxNumber() {
    }

    public static boolean isValid(String afm) {
        if (afm == null || !afm.matches("[0-9]{9}") || afm.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (afm.charAt(i) - '0') << (8 - i);
        }
        return sum % 11 % 10 == afm.charAt(8) - '0';
    }
}
