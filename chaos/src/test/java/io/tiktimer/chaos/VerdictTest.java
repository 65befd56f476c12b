package io.tiktimer.chaos;

import io.tiktimer.sandbox.InitCall;
import io.tiktimer.sandbox.PublicationSnapshot;
import io.tiktimer.sandbox.ReceivedUpload;
import io.tiktimer.sandbox.SandboxEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict's rules on hand-made evidence: each broken promise is caught, and a clean run passes. */
class VerdictTest {

    private static final long SEED = 7;
    private static final String SHA = "ab".repeat(32);

    private final Person owner = new Person("chaos_7_0", "creator-0", "http://gateway", "http://post");
    private final List<InitCall> inits = new ArrayList<>();
    private final Map<String, PublicationSnapshot> publications = new HashMap<>();
    private final Map<String, List<ReceivedUpload>> uploads = new HashMap<>();
    private final Map<Long, Evidence.PostRow> rows = new HashMap<>();
    private final Map<String, Long> deadLetters = new HashMap<>(Map.of("post.due.publisher-worker.dlq", 0L));

    @Test
    void aVideoPublishedOnceWithItsOwnBytesPasses() {
        PlannedPost post = video(1);
        tiktokReceived(post, "p-1", post.firstContent, "PUBLISH_COMPLETE", SHA);
        row(post, post.firstContent, "published", "p-1");

        Verdict verdict = judge(post);

        assertThat(verdict.publishedOnce).isEqualTo(1);
        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void aPostTikTokReceivedTwiceIsDuplicated() {
        PlannedPost post = video(1);
        tiktokReceived(post, "p-1", post.firstContent, "PUBLISH_COMPLETE", SHA);
        tiktokReceived(post, "p-2", post.firstContent, "PUBLISH_COMPLETE", SHA);
        row(post, post.firstContent, "published", "p-2");

        Verdict verdict = judge(post);

        assertThat(verdict.duplicated).isEqualTo(1);
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void aPostWithoutItsRowOrStillInFlightIsLost() {
        PlannedPost vanished = video(1);
        PlannedPost stuck = video(2);
        row(stuck, stuck.firstContent, "publishing", null);

        Verdict verdict = judge(vanished, stuck);

        assertThat(verdict.lost).isEqualTo(2);
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void aDeletedPostThatReachedTikTokBreaksThePromise() {
        PlannedPost post = video(1);
        post.record("delete", 204, null);
        tiktokReceived(post, "p-1", post.firstContent, "PUBLISH_COMPLETE", SHA);

        Verdict verdict = judge(post);

        assertThat(verdict.deleted).isEqualTo(1);
        assertThat(verdict.violations).singleElement().asString().contains("was deleted, yet TikTok received it");
    }

    @Test
    void theOldVersionOfAnAcceptedEditBreaksThePromise() {
        PlannedPost post = video(1);
        post.record("edit", 200, post.marker + " edited");
        row(post, post.marker + " edited", "published", "p-1");
        tiktokReceived(post, "p-1", post.firstContent, "PUBLISH_COMPLETE", SHA);

        Verdict verdict = judge(post);

        assertThat(verdict.violations).singleElement().asString().contains("TikTok published");
    }

    @Test
    void otherBytesThanTheVideosBreakThePromise() {
        PlannedPost post = video(1);
        tiktokReceived(post, "p-1", post.firstContent, "PUBLISH_COMPLETE", "cd".repeat(32));
        row(post, post.firstContent, "published", "p-1");

        assertThat(judge(post).violations).singleElement().asString().contains("received other bytes");
    }

    @Test
    void publishedInTheDatabaseButNotAtTikTokBreaksThePromise() {
        PlannedPost post = video(1);
        row(post, post.firstContent, "published", "p-1");

        assertThat(judge(post).violations).singleElement().asString().contains("TikTok has nothing");
    }

    @Test
    void anUnconfirmedPostSaysWhetherItsInitReachedTikTok() {
        PlannedPost answerLost = video(1);
        tiktokReceived(answerLost, "p-1", answerLost.firstContent, "PUBLISH_COMPLETE", SHA);
        row(answerLost, answerLost.firstContent, "unconfirmed", null);
        PlannedPost neverArrived = video(2);
        row(neverArrived, neverArrived.firstContent, "unconfirmed", null);

        Verdict verdict = judge(answerLost, neverArrived);

        assertThat(verdict.unconfirmed).containsOnlyKeys(
                "the init reached TikTok, its answer was lost; TikTok published it",
                "the init never reached TikTok (no attempt at the worker)");
        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void anInitOfNoPostAndADeadLetterBreakThePromise() {
        inits.add(init("ghost"));
        publications.put("ghost", publication("ghost", "not a chaos caption", "PUBLISH_COMPLETE"));
        deadLetters.put("post.due.publisher-worker.dlq", 3L);

        assertThat(judge().violations).hasSize(2);
    }

    private PlannedPost video(int number) {
        PlannedPost post = new PlannedPost(number, SEED, PlannedPost.Kind.VIDEO, owner, Instant.EPOCH);
        post.id = (long) number;
        post.mediaSha256 = SHA;
        return post;
    }

    private void tiktokReceived(PlannedPost post, String publishId, String title, String status, String sha) {
        inits.add(init(publishId));
        publications.put(publishId, publication(publishId, title, status));
        uploads.computeIfAbsent(publishId, k -> new ArrayList<>()).add(new ReceivedUpload(publishId, "key",
                post.owner.openId, 1000, sha, 1, "video/mp4", Instant.EPOCH, Optional.empty()));
    }

    private static InitCall init(String publishId) {
        return new InitCall(SandboxEndpoint.VIDEO_INIT, "key", "creator-0", "token", Instant.EPOCH, 200, "ok",
                publishId);
    }

    private static PublicationSnapshot publication(String publishId, String title, String status) {
        return new PublicationSnapshot(publishId, "key", "creator-0", "VIDEO", "DIRECT_POST", "FILE_UPLOAD",
                "SELF_ONLY", title, Instant.EPOCH, status, null, List.of(), 1000);
    }

    private void row(PlannedPost post, String content, String status, String publishId) {
        rows.put(post.id, new Evidence.PostRow(post.id, content, null, status, null, publishId));
    }

    private Verdict judge(PlannedPost... posts) {
        Evidence evidence = new Evidence(inits, publications, uploads, rows, Map.of(), deadLetters);
        return Verdict.judge(List.of(posts), evidence, SEED);
    }
}
