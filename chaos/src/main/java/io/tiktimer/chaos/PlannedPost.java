package io.tiktimer.chaos;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One post of the workload and everything the workload was told about it: its id once created, and each racing call
 * with the answer it got. The verdict compares this with what TikTok (the sandbox) and the database say.
 *
 * <p>Every caption and photo title starts with the post's marker, {@code [chaos <seed> #<n>]}, which is how a
 * publication at TikTok is traced back to the post it came from without trusting any id TikTimer reported.
 */
final class PlannedPost {

    private static final Pattern MARKER = Pattern.compile("\\[chaos (\\d+) #(\\d+)]");

    enum Kind {
        VIDEO, PHOTO, INBOX_VIDEO;

        String mode() {
            return this == INBOX_VIDEO ? "inbox" : "direct_post";
        }
    }

    /** What a racing call was and how it was answered (the HTTP status, or -1 when the answer was lost). */
    record Call(String what, Instant at, int status, String sentContent) {
    }

    final int number;
    final String marker;
    final Kind kind;
    final Person owner;
    final Instant due;
    final String firstContent;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile Long id;
    volatile long mediaId;
    volatile String mediaSha256;

    PlannedPost(int number, long seed, Kind kind, Person owner, Instant due) {
        this.number = number;
        this.marker = "[chaos " + seed + " #" + number + "]";
        this.kind = kind;
        this.owner = owner;
        this.due = due;
        this.firstContent = marker + " " + kind.name().toLowerCase().replace('_', ' ') + " for " + owner.openId;
    }

    /** The post number a caption or title belongs to, when it carries a marker of this run's seed. */
    static Integer numberIn(String text, long seed) {
        if (text == null) {
            return null;
        }
        Matcher m = MARKER.matcher(text);
        return m.find() && Long.parseLong(m.group(1)) == seed ? Integer.valueOf(m.group(2)) : null;
    }

    /** What TikTok shows as the title: the caption of a video, the title field of a photo post. */
    String titleOf(String content, String title) {
        return kind == Kind.PHOTO ? title : content;
    }

    void record(String what, int status, String sentContent) {
        calls.add(new Call(what, Instant.now(), status, sentContent));
    }

    boolean deleteAnswered(int status) {
        return calls.stream().anyMatch(c -> c.what().equals("delete") && c.status() == status);
    }

    boolean deleteTried() {
        return calls.stream().anyMatch(c -> c.what().equals("delete"));
    }

    @Override
    public String toString() {
        return marker + (id == null ? "" : " (post " + id + ")");
    }
}
