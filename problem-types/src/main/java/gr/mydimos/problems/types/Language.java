package gr.mydimos.problems.types;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The languages people are answered in: Greek unless a request prefers English. */
public enum Language {
    EL, EN;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The language an {@code Accept-Language} header prefers: the first of Greek or English by weight, Greek when it
     * names neither, is absent or cannot be read. Regional tags count ({@code en-GB} is English).
     */
    public static Language preferredBy(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EL;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return EL;
        }
        return ranges.stream().filter(r -> r.getWeight() > 0)
                .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed()) // stable: order breaks ties
                .map(r -> r.getRange().toLowerCase(Locale.ROOT))
                .map(r -> r.equals("en") || r.startsWith("en-") ? EN : r.equals("el") || r.startsWith("el-") || r.equals("*") ? EL : null)
                .filter(java.util.Objects::nonNull).findFirst().orElse(EL);
    }
}
