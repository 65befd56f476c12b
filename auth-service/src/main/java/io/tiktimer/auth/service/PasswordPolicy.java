package io.tiktimer.auth.service;

import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Length limits (NIST SP 800-63B style: long allowed, no composition rules) and a deny-list of common passwords. */
@ApplicationScoped
public class PasswordPolicy {

    static final String COMMON_PASSWORDS = "common-passwords.txt";

    private final AuthConfig.Password config;
    private final Set<String> common;

    public PasswordPolicy(AuthConfig config) {
        this.config = config.password();
        this.common = load();
    }

    /** Throws a 400 problem naming {@code field} when the password is not acceptable. */
    public void check(String field, String password, String username, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < config.minLength() || length > config.maxLength()) {
            throw Problems.invalid(field,
                    "must be between " + config.minLength() + " and " + config.maxLength() + " characters");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            throw Problems.invalid(field, "is too common; choose a less guessable password");
        }
        if ((username != null && folded.contains(username.toLowerCase(Locale.ROOT)))
                || (email != null && folded.equals(email.toLowerCase(Locale.ROOT)))) {
            throw Problems.invalid(field, "must not contain the username or be the email");
        }
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
