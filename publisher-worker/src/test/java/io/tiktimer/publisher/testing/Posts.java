package io.tiktimer.publisher.testing;

import io.tiktimer.contracts.MediaRef;
import io.tiktimer.contracts.MediaType;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostMode;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** post.due events as post-service's dispatcher writes them. */
public final class Posts {
    private static final AtomicLong POST_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

    private Posts() {
    }

    public static long nextPostId() {
        return POST_IDS.incrementAndGet();
    }

    public static PostDue video(TikTokServiceProcess.Account account, String bucket, String key, long size,
                                PostMode mode, String privacy) {
        return video(nextPostId(), 1, account, bucket, key, size, mode, privacy);
    }

    public static PostDue video(long postId, int attempt, TikTokServiceProcess.Account account, String bucket, String key,
                                long size, PostMode mode, String privacy) {
        MediaRef media = new MediaRef(postId, bucket, key, "video/mp4", size, null, 12.0);
        return PostDue.of(postId, account.userId(), attempt, account.accountId(), Instant.now(), mode, MediaType.VIDEO,
                null, "Test post " + postId + " #tiktimer", mode == PostMode.INBOX ? null : privacy, false, true, true,
                false, false, false, null, null, List.of(media));
    }

    /** A photo post of {@code keys.size()} JPEG images (TikTok pulls them from the public media address). */
    public static PostDue photos(TikTokServiceProcess.Account account, String bucket, List<String> keys, PostMode mode,
                                 String privacy) {
        long postId = nextPostId();
        List<MediaRef> media = new java.util.ArrayList<>();
        for (String key : keys) {
            media.add(new MediaRef(postId * 100 + media.size(), bucket, key, "image/jpeg", 200_000L, null, null));
        }
        return PostDue.of(postId, account.userId(), 1, account.accountId(), Instant.now(), mode, MediaType.PHOTO,
                "Photos " + postId, "Test photos " + postId + " #tiktimer", mode == PostMode.INBOX ? null : privacy,
                false, true, true, false, false, false, null, 0, media);
    }
}
