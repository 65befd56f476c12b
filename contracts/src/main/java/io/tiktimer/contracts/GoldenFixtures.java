package io.tiktimer.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The canonical JSON of each event version, shipped with the contracts so that producer tests (does what I write match?)
 * and consumer tests (can I read what is written?) check against the same bytes.
 */
public final class GoldenFixtures {

    public static final String POST_DUE_V1 = "post.due.v1.json";
    public static final String POST_PUBLISHING_V1 = "post.publishing.v1.json";
    public static final String POST_PUBLISHED_V1 = "post.published.v1.json";
    public static final String POST_FAILED_V1 = "post.failed.v1.json";
    public static final String USER_DELETED_V1 = "user.deleted.v1.json";
    public static final String TIKTOK_ACCOUNT_CHANGED_V1 = "tiktok.account.changed.v1.json";
    public static final String SESSIONS_REVOKED_V1 = "sessions.revoked.v1.json";

    private GoldenFixtures() {
    }

    public static String read(String name) {
        try (InputStream in = GoldenFixtures.class.getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No golden fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
