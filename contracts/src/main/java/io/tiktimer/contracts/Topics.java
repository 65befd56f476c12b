package io.tiktimer.contracts;

/** Kafka topic names. Every producer and consumer refers to these constants, never to literals. */
public final class Topics {

    /** Command: a post is due and must be published. Key: TikTok account id, so one consumer owns an account's rate limits. */
    public static final String POST_DUE = "post.due";
    /** Fact: TikTok accepted a publish attempt and gave it a publish id. Key: post id. */
    public static final String POST_PUBLISHING = "post.publishing";
    /** Fact: a post reached TikTok (public post or inbox draft). Key: post id. */
    public static final String POST_PUBLISHED = "post.published";
    /** Fact: a publish attempt failed or its outcome is unknown. Key: post id. */
    public static final String POST_FAILED = "post.failed";
    /** Fact: a user deleted their account; every service erases that user's data. Key: user id. */
    public static final String USER_DELETED = "user.deleted";
    /**
     * Fact: access tokens of some sessions (or of all of a user's) are revoked. Read whole by every replica of every
     * service, without a consumer group; kept only as long as an access token lives. Key: user id.
     */
    public static final String SESSIONS_REVOKED = "sessions.revoked";
    /** Fact: a TikTok account was connected, needs reconnecting or was removed. Key: account id. */
    public static final String TIKTOK_ACCOUNT = "tiktok.account";

    private Topics() {
    }

    /**
     * Dead-letter topic for messages one consumer group could not process, e.g. {@code post.due.publisher-worker.dlq}.
     * One per consumer group, so replaying a poison message never re-delivers it to consumers that handled it.
     */
    public static String deadLetterOf(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
