package gr.mydimos.problems.types;

import java.util.Objects;

/**
 * Words a person reads, in Greek and in English: written together where they are used, so that neither is
 * forgotten and a reviewer reads both side by side.
 */
public record Text(String el, String en) {

    public Text {
        Objects.requireNonNull(el, "el");
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String el, String en) {
        return new Text(el, en);
    }

    public String in(Language language) {
        return language == Language.EN ? en : el;
    }
}
