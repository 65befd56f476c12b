package io.tiktimer.chaos;

import io.tiktimer.sandbox.InitCall;
import io.tiktimer.sandbox.PublicationSnapshot;
import io.tiktimer.sandbox.ReceivedUpload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The judgement of a run, from the {@link Evidence} alone: each planned post is traced to what TikTok received for
 * it (by the marker in its caption or title) and to its row. Lost and duplicated posts fail the run, and so does
 * every other broken promise (a deleted post published, an old version published, bytes that differ, a post the
 * database calls published that TikTok does not have, a dead letter).
 */
final class Verdict {

    static final Set<String> TERMINAL = Set.of("published", "failed", "unconfirmed", "cancelled");
    private static final Set<String> COMPLETED = Set.of("PUBLISH_COMPLETE", "SEND_TO_USER_INBOX");

    final int posts;
    int publishedOnce;
    int deleted;
    int lost;
    int duplicated;
    final Map<String, Integer> unconfirmed = new TreeMap<>();
    final Map<String, Integer> failed = new TreeMap<>();
    final Map<String, Integer> byKind = new TreeMap<>();
    final List<String> violations = new ArrayList<>();
    /** Posts with a row that is not terminal after the drain: the run prints where each one stands. */
    final List<PlannedPost> unfinished = new ArrayList<>();
    final Map<String, Long> deadLetters;
    int multiChunkUploads;

    private Verdict(int posts, Map<String, Long> deadLetters) {
        this.posts = posts;
        this.deadLetters = deadLetters;
    }

    static Verdict judge(List<PlannedPost> planned, Evidence evidence, long seed) {
        Verdict verdict = new Verdict(planned.size(), evidence.deadLetters());
        Map<Integer, List<InitCall>> initsByPost = new HashMap<>();
        for (InitCall init : evidence.acceptedInits()) {
            PublicationSnapshot publication = evidence.publications().get(init.publishId());
            Integer number = publication == null ? null : PlannedPost.numberIn(publication.title(), seed);
            if (number == null) {
                verdict.violations.add("TikTok accepted an init (" + init.publishId() + ", " + init.endpoint()
                        + ") that belongs to no post of this run");
                continue;
            }
            initsByPost.computeIfAbsent(number, n -> new ArrayList<>()).add(init);
        }
        for (PlannedPost post : planned) {
            verdict.byKind.merge(post.kind.name(), 1, Integer::sum);
            verdict.judge(post, initsByPost.getOrDefault(post.number, List.of()), evidence);
        }
        evidence.deadLetters().forEach((topic, count) -> {
            if (count > 0) {
                verdict.violations.add(count + " record(s) in the dead-letter topic " + topic);
            }
        });
        return verdict;
    }

    private void judge(PlannedPost post, List<InitCall> inits, Evidence evidence) {
        Evidence.PostRow row = evidence.rows().get(post.id);
        List<PublicationSnapshot> publications = inits.stream()
                .map(i -> evidence.publications().get(i.publishId())).toList();
        List<PublicationSnapshot> completed = publications.stream()
                .filter(p -> COMPLETED.contains(p.status())).toList();
        if (row == null) {
            if (post.deleteTried()) {
                deleted++;
                if (!inits.isEmpty()) {
                    violations.add(post + " was deleted, yet TikTok received it (" + inits.get(0).publishId() + ")");
                }
            } else {
                lost++;
                violations.add("LOST: " + post + " has no row, and nobody deleted it");
            }
            return;
        }
        if (post.deleteAnswered(204)) {
            violations.add(post + ": the delete was answered 204, yet the post is still there (" + row.status() + ")");
        }
        if (!TERMINAL.contains(row.status())) {
            lost++;
            unfinished.add(post);
            violations.add("LOST: " + post + " is still " + row.status() + " after the drain");
            return;
        }
        if (inits.size() > 1 || completed.size() > 1) {
            duplicated++;
            violations.add("DUPLICATED: " + post + " was initialised at TikTok " + inits.size() + " times ("
                    + publications.stream().map(p -> p.publishId() + " " + p.status()).toList() + ")");
            return;
        }
        checkBytes(post, inits, evidence);
        checkEdits(post, row, completed);
        switch (row.status()) {
            case "published" -> {
                if (completed.size() != 1) {
                    violations.add(post + " is published in the database, but TikTok has "
                            + (publications.isEmpty() ? "nothing" : publications.get(0).status()));
                } else if (!completed.get(0).publishId().equals(row.publishId())) {
                    violations.add(post + " is published as " + row.publishId() + ", TikTok has "
                            + completed.get(0).publishId());
                } else {
                    publishedOnce++;
                }
            }
            case "unconfirmed" -> {
                String why;
                if (inits.isEmpty()) {
                    why = "the init never reached TikTok (" + lastAttemptState(post, evidence) + ")";
                } else {
                    why = "the init reached TikTok, its answer was lost; TikTok "
                            + (completed.isEmpty() ? "did not publish it (" + publications.get(0).status() + ")"
                            : "published it");
                }
                unconfirmed.merge(why, 1, Integer::sum);
            }
            case "failed" -> {
                if (!completed.isEmpty()) {
                    violations.add(post + " failed (" + row.errorCode() + "), yet TikTok published it");
                }
                String reason = row.errorCode() + (inits.isEmpty() ? ", nothing reached TikTok"
                        : ", TikTok: " + publications.get(0).status()
                        + (publications.get(0).failReason() == null ? "" : " " + publications.get(0).failReason()));
                failed.merge(reason, 1, Integer::sum);
            }
            default -> failed.merge(row.status(), 1, Integer::sum);
        }
    }

    /** A video sent as FILE_UPLOAD arrived at TikTok once, byte for byte (SHA-256 of the media as uploaded). */
    private void checkBytes(PlannedPost post, List<InitCall> inits, Evidence evidence) {
        for (InitCall init : inits) {
            List<ReceivedUpload> uploads = evidence.uploads().getOrDefault(init.publishId(), List.of());
            if (uploads.size() > 1) {
                violations.add(post + ": TikTok received its video " + uploads.size() + " times");
            }
            for (ReceivedUpload upload : uploads) {
                if (!upload.sha256Hex().equalsIgnoreCase(post.mediaSha256)) {
                    violations.add(post + ": TikTok received other bytes (" + upload.sha256Hex() + ") than the "
                            + "video's (" + post.mediaSha256 + ")");
                }
                if (upload.chunkCount() > 1) {
                    multiChunkUploads++;
                }
            }
        }
    }

    /** What TikTok published is the post's last version, and an edit that was answered 200 is in it. */
    private void checkEdits(PlannedPost post, Evidence.PostRow row, List<PublicationSnapshot> completed) {
        String current = post.titleOf(row.content(), row.title());
        if (!completed.isEmpty() && !completed.get(0).title().equals(current)) {
            violations.add(post + ": TikTok published \"" + completed.get(0).title() + "\", the post says \""
                    + current + "\"");
        }
        List<PlannedPost.Call> acceptedEdits = post.calls.stream()
                .filter(c -> c.what().equals("edit") && c.status() == 200).toList();
        if (!acceptedEdits.isEmpty() && !acceptedEdits.get(acceptedEdits.size() - 1).sentContent().equals(current)) {
            violations.add(post + ": an edit answered 200 is not in the post (\"" + current + "\")");
        }
    }

    private static String lastAttemptState(PlannedPost post, Evidence evidence) {
        List<Evidence.AttemptRow> attempts = evidence.attempts().getOrDefault(post.id, List.of());
        if (attempts.isEmpty()) {
            return "no attempt at the worker";
        }
        Evidence.AttemptRow last = attempts.get(attempts.size() - 1);
        return "attempt " + last.attempt() + " " + last.state() + (last.errorCode() == null ? "" : " " + last.errorCode());
    }

    boolean passed() {
        return lost == 0 && duplicated == 0 && violations.isEmpty();
    }

    int unconfirmedCount() {
        return unconfirmed.values().stream().mapToInt(Integer::intValue).sum();
    }

    int failedCount() {
        return failed.values().stream().mapToInt(Integer::intValue).sum();
    }

    static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
