package gr.mydimos.registry.municipality;

import java.text.Normalizer;
import java.util.Locale;

/** The same folding as the database's search_text(): no accents, lower case, final sigma as σ. */
final class SearchText {

    private SearchText() {
    }

    static String of(String value) {
        String withoutMarks = Normalizer.normalize(value.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutMarks.toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }
}
