package io.tiktimer.auth;

/** A user's role; stored and exposed in lower case as the seed API did ({@code user|admin}). */
public enum Role {
    USER, ADMIN;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role of(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
