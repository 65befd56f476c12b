package io.tiktimer.sandbox;

/** The fail_reason values of status/fetch (and of the post.publish.failed webhook). */
public final class FailReasons {
    public static final String FILE_FORMAT_CHECK_FAILED = "file_format_check_failed";
    public static final String DURATION_CHECK_FAILED = "duration_check_failed";
    public static final String FRAME_RATE_CHECK_FAILED = "frame_rate_check_failed";
    public static final String PICTURE_SIZE_CHECK_FAILED = "picture_size_check_failed";
    public static final String INTERNAL = "internal";
    public static final String VIDEO_PULL_FAILED = "video_pull_failed";
    public static final String PHOTO_PULL_FAILED = "photo_pull_failed";
    public static final String PUBLISH_CANCELLED = "publish_cancelled";
    public static final String AUTH_REMOVED = "auth_removed";

    private FailReasons() {
    }
}
