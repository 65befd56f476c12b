package io.tiktimer.post.service;

import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.contracts.MediaType;
import io.tiktimer.contracts.PostMode;
import io.tiktimer.post.Media;
import io.tiktimer.post.MediaStatus;
import io.tiktimer.post.Post;
import io.tiktimer.post.PostStatus;
import io.tiktimer.post.TikTokAccount;
import io.tiktimer.post.repository.MediaRepository;
import io.tiktimer.post.repository.PostMediaRepository;
import io.tiktimer.post.repository.PostRepository;
import io.tiktimer.post.repository.TikTokAccountRepository;
import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.servicekit.problem.Problems.In;
import io.tiktimer.servicekit.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Posts: validation, the editable-until-queued rule and the user's manual transitions (retry, publish now). */
@ApplicationScoped
public class PostService {

    /** A publishable post may be scheduled at most this far in the past (clock skew, "now" from a slow client). */
    static final Duration PAST_GRACE = Duration.ofMinutes(5);

    /**
     * Where a request's fields come from: the JSON API's body, or the original API's multipart form, whose
     * "no connected account" answer stays the original's 400.
     */
    public enum Origin {
        JSON_BODY(In.BODY), SEED_FORM(In.FORM);

        final In in;

        Origin(In in) {
            this.in = in;
        }
    }


    public record PostView(Post post, List<Long> mediaIds) {
    }

    public record PostPage(List<PostView> items, long total) {
    }

    public record Filter(PostStatus status, Long tiktokAccountId, String platform, Instant from, Instant to) {
    }

    private final PostRepository posts;
    private final PostMediaRepository postMedia;
    private final MediaRepository media;
    private final TikTokAccountRepository accounts;
    private final AccountService accountService;
    private final Clock clock;

    public PostService(PostRepository posts, PostMediaRepository postMedia, MediaRepository media,
                       TikTokAccountRepository accounts, AccountService accountService, Clock clock) {
        this.posts = posts;
        this.postMedia = postMedia;
        this.media = media;
        this.accounts = accounts;
        this.accountService = accountService;
        this.clock = clock;
    }

    /**
     * The local copy of the account; when it does not show the account as this user's and connected, tiktok-service
     * is asked first, since a client that has just connected (or reconnected) may post before the event arrives.
     */
    private TikTokAccount usableAccount(long userId, long accountId) {
        TikTokAccount account = accounts.findById(accountId);
        if (account != null && account.userId == userId && account.status == AccountStatus.CONNECTED) {
            return account;
        }
        accountService.learnAccountsOf(userId);
        if (account == null) {
            return accounts.findById(accountId);
        }
        accounts.getEntityManager().refresh(account); // the lookup wrote with SQL, past the persistence context
        return account;
    }

    @Transactional
    public PostView create(long userId, PostInput r, Origin origin) {
        if (r.content() == null) {
            throw Problems.invalid("content", origin.in, "is required");
        }
        Post p = new Post();
        p.userId = userId;
        p.platform = "tiktok";
        p.mode = PostMode.DIRECT_POST;
        p.status = PostStatus.SCHEDULED;
        p.disableComment = true;
        p.disableDuet = true;
        p.disableStitch = true;
        List<Long> mediaIds = PostFields.apply(p, r, List.of(), true, origin.in, clock.instant());
        resolveAndValidate(p, mediaIds, r.tiktokAccountId() != null, origin, true);
        p.createdAt = clock.instant();
        p.updatedAt = p.createdAt;
        p.traceparent = TraceParent.current();
        posts.persist(p); // an identity column: the insert runs here and sets p.id
        postMedia.attach(p.id, mediaIds);
        return new PostView(p, mediaIds);
    }

    /** Validates a post whose single video is still to be uploaded (the seed's multipart endpoint). Stores nothing. */
    @Transactional
    public void check(long userId, PostInput r, Origin origin) {
        Post p = new Post();
        p.userId = userId;
        p.platform = "tiktok";
        p.mode = PostMode.DIRECT_POST;
        p.status = PostStatus.SCHEDULED;
        PostFields.apply(p, r, List.of(), true, origin.in, clock.instant());
        resolveAndValidate(p, List.of(), r.tiktokAccountId() != null, origin, true, true);
    }

    @Transactional
    public PostView update(long userId, long id, PostInput r) {
        Post p = posts.findOwnedForUpdate(id, userId).orElseThrow(() -> Problems.notFound("Post"));
        requireEditable(p, "edited");
        List<Long> current = postMedia.mediaIdsOf(id);
        PostStatus before = p.status;
        List<Long> mediaIds = PostFields.apply(p, r, current, false, In.BODY, clock.instant());
        // a draft that becomes scheduled is held to the same rules for its time as a new post
        boolean timeChanged = r.scheduledTime() != null || (before != PostStatus.SCHEDULED && p.status == PostStatus.SCHEDULED);
        resolveAndValidate(p, mediaIds, r.tiktokAccountId() != null, Origin.JSON_BODY, timeChanged);
        p.updatedAt = clock.instant();
        p.traceparent = TraceParent.current();
        if (!mediaIds.equals(current)) {
            postMedia.replace(p.id, mediaIds);
        }
        return new PostView(p, mediaIds);
    }

    @Transactional
    public void delete(long userId, long id) {
        Post p = posts.findOwnedForUpdate(id, userId).orElseThrow(() -> Problems.notFound("Post"));
        requireEditable(p, "deleted");
        posts.delete(p);
    }

    public Optional<PostView> get(long userId, long id) {
        return posts.findOwned(id, userId).map(p -> new PostView(p, postMedia.mediaIdsOf(p.id)));
    }

    /**
     * How many of the user's posts are in each state, every state present (zero included), within the filter's
     * account, platform and time range; the filter's own status is ignored. One grouped query on
     * {@code post_user_time_idx}'s leading column.
     */
    @Transactional
    public Map<PostStatus, Long> countsByStatus(long userId, Filter f) {
        Map<String, Object> params = new HashMap<>();
        String where = where(userId, new Filter(null, f.tiktokAccountId(), f.platform(), f.from(), f.to()), params);
        var query = posts.getEntityManager().createQuery(
                "select p.status, count(p) from Post p where " + where + " group by p.status", Object[].class);
        params.forEach(query::setParameter);
        Map<PostStatus, Long> counts = new java.util.EnumMap<>(PostStatus.class);
        for (PostStatus s : PostStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : query.getResultList()) {
            counts.put((PostStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static String where(long userId, Filter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("p.userId = :user");
        params.put("user", userId);
        if (f.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", f.status());
        }
        if (f.tiktokAccountId() != null) {
            where.append(" and p.tiktokAccountId = :account");
            params.put("account", f.tiktokAccountId());
        }
        if (f.platform() != null) {
            where.append(" and p.platform = :platform");
            params.put("platform", f.platform());
        }
        if (f.from() != null) {
            where.append(" and p.scheduledTime >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and p.scheduledTime < :to");
            params.put("to", f.to());
        }
        return where.toString();
    }

    /**
     * One page of the caller's posts with their media ids: the page of posts, then the media ids of exactly those
     * posts by primary key. One row more than the page is read so that the total needs a count query only when the
     * caller has more posts than fit on this page (or asked past the end). A correlated subquery for the media ids
     * would make it one round trip, but PostgreSQL then runs an aggregate per row, which doubled its CPU per listing.
     */
    public PostPage list(long userId, Filter f, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(userId, f, params);
        EntityManager em = posts.getEntityManager();
        var query = em.createQuery("from Post p where " + where + " order by p.scheduledTime asc nulls last, p.id asc",
                        Post.class)
                .setFirstResult(page * size).setMaxResults(size + 1)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        params.forEach(query::setParameter);
        List<Post> rows = query.getResultList();
        List<Post> onPage = rows.subList(0, Math.min(size, rows.size()));
        Map<Long, List<Long>> mediaIds = postMedia.mediaIdsOf(onPage.stream().map(p -> p.id).toList());
        List<PostView> views = onPage.stream().map(p -> new PostView(p, mediaIds.getOrDefault(p.id, List.of()))).toList();
        boolean totalKnown = rows.size() <= size && (!rows.isEmpty() || page == 0);
        long total;
        if (totalKnown) {
            total = (long) page * size + rows.size();
        } else {
            var count = em.createQuery("select count(p) from Post p where " + where, Long.class);
            params.forEach(count::setParameter);
            total = count.getSingleResult();
        }
        return new PostPage(views, total);
    }

    /**
     * Re-schedules a failed post now; an unconfirmed one only when the user confirmed it is not live on TikTok,
     * because re-posting it could publish it twice.
     */
    @Transactional
    public PostView retry(long userId, long id, boolean confirmNotPublished) {
        Post p = posts.findOwnedForUpdate(id, userId).orElseThrow(() -> Problems.notFound("Post"));
        if (p.status == PostStatus.UNCONFIRMED && !confirmNotPublished) {
            throw Problems.problem(409, "This post may already be live on TikTok. Check the TikTok profile; retry "
                            + "only with {\"confirm_not_published\": true} if it is not there, or it could be published twice.")
                    .with("code", "confirmation_required").build();
        }
        if (p.status != PostStatus.FAILED && p.status != PostStatus.UNCONFIRMED) {
            throw Problems.conflict("Only failed or unconfirmed posts can be retried; this one is " + p.status.apiName() + ".");
        }
        List<Long> mediaIds = postMedia.mediaIdsOf(id);
        p.status = PostStatus.SCHEDULED;
        resolveAndValidate(p, mediaIds, p.tiktokAccountId != null, Origin.JSON_BODY, false);
        p.dueAt = clock.instant();
        p.errorCode = null;
        p.errorMessage = null;
        p.publishId = null;
        p.updatedAt = clock.instant();
        p.traceparent = TraceParent.current();
        return new PostView(p, mediaIds);
    }

    /** The seed's "publish now": the post goes through the same dispatcher as any other, due immediately. */
    @Transactional
    public PostView publishNow(long userId, long id) {
        Post p = posts.findOwnedForUpdate(id, userId).orElseThrow(() -> Problems.notFound("Post"));
        if (!"tiktok".equalsIgnoreCase(p.platform)) {
            throw Problems.badRequest("Not a TikTok post");
        }
        if (p.status != PostStatus.SCHEDULED && p.status != PostStatus.DRAFT) {
            throw Problems.conflict("The post is " + p.status.apiName() + "; only draft or scheduled posts can be "
                    + "published now" + (p.status == PostStatus.FAILED ? " (use /posts/{id}/retry)" : "") + ".");
        }
        List<Long> mediaIds = postMedia.mediaIdsOf(id);
        p.status = PostStatus.SCHEDULED;
        resolveAndValidate(p, mediaIds, p.tiktokAccountId != null, Origin.SEED_FORM, false);
        if (mediaIds.isEmpty()) {
            throw Problems.badRequest("The post has no video to publish.");
        }
        p.dueAt = clock.instant();
        p.updatedAt = clock.instant();
        p.traceparent = TraceParent.current();
        return new PostView(p, mediaIds);
    }

    private static void requireEditable(Post p, String verb) {
        if (!p.status.editable()) {
            throw Problems.conflict("post_in_flight", "The post is " + p.status.apiName() + " and can no longer be "
                    + verb + ": it may already be at TikTok.");
        }
    }

    /**
     * Checks the post as a whole: media owned, ready and of one kind; the target account the user's and connected;
     * TikTok's option rules. Drafts and cancelled posts are only checked for ownership.
     */
    private void resolveAndValidate(Post p, List<Long> mediaIds, boolean accountGiven, Origin origin,
                                    boolean timeChanged) {
        resolveAndValidate(p, mediaIds, accountGiven, origin, timeChanged, false);
    }

    private void resolveAndValidate(Post p, List<Long> mediaIds, boolean accountGiven, Origin origin,
                                    boolean timeChanged, boolean mediaComing) {
        Map<Long, Media> found = new HashMap<>();
        if (!mediaIds.isEmpty()) {
            // lock the media rows: a concurrent DELETE /media/{id} decides before or after this post exists
            for (Media m : media.find("id in ?1 and userId = ?2", mediaIds, p.userId)
                    .withLock(LockModeType.PESSIMISTIC_READ).list()) {
                found.put(m.id, m);
            }
            for (Long id : mediaIds) {
                Media m = found.get(id);
                if (m == null) {
                    throw Problems.invalid("media_ids", origin.in, "Unknown media " + id);
                }
                if (m.status != MediaStatus.READY) {
                    throw Problems.invalid("media_ids", origin.in, "Media " + id + " is not verified yet: complete its upload first");
                }
            }
            Set<MediaType> kinds = new java.util.HashSet<>();
            found.values().forEach(m -> kinds.add(m.kind));
            if (kinds.size() > 1) {
                throw Problems.invalid("media_ids", origin.in, "A post carries one video or only photos, not both");
            }
            p.mediaType = kinds.iterator().next();
            if (p.mediaType == MediaType.VIDEO && mediaIds.size() != 1) {
                throw Problems.invalid("media_ids", origin.in, "A video post carries exactly one video");
            }
            if (p.mediaType == MediaType.PHOTO && mediaIds.size() > PostFields.MAX_PHOTOS) {
                throw Problems.invalid("media_ids", origin.in, "A photo post carries at most " + PostFields.MAX_PHOTOS + " photos");
            }
        } else {
            p.mediaType = null;
        }
        if (accountGiven) {
            if (p.tiktokAccountId != null) {
                usableAccount(p.userId, p.tiktokAccountId);
            }
            TikTokAccount a = accounts.findByIdOptional(p.tiktokAccountId == null ? -1L : p.tiktokAccountId)
                    .filter(acc -> acc.userId == p.userId).orElse(null);
            if (a == null) {
                throw Problems.invalid("tiktok_account_id", origin.in, "Unknown TikTok account");
            }
        }
        if (p.status != PostStatus.SCHEDULED) {
            return;
        }
        if (p.scheduledTime == null) {
            throw Problems.invalid("scheduled_time", origin.in, "is required unless the post is a draft");
        }
        if (p.attempt == 0 || timeChanged) {
            p.dueAt = p.scheduledTime;
        }
        // one rule for every post, publishable or not: a time in the past would be due at once
        if (timeChanged && p.scheduledTime.isBefore(clock.instant().minus(PAST_GRACE))) {
            throw Problems.invalid("scheduled_time", origin.in, "is in the past");
        }
        boolean publishable = mediaComing || !mediaIds.isEmpty() || p.tiktokAccountId != null;
        if (!publishable) {
            // the original JSON API's posts (no media, no account) are kept as they were; the dispatcher fails them
            // with a clear reason when they come due, since there is nothing to publish
            return;
        }
        if (p.tiktokAccountId == null) {
            List<TikTokAccount> connected = accounts.connectedOf(p.userId);
            if (connected.isEmpty() && accountService.learnAccountsOf(p.userId)) {
                connected = accounts.connectedOf(p.userId);
            }
            if (connected.size() != 1) {
                String detail = connected.isEmpty() ? "TikTok account not connected" :
                        "Several TikTok accounts are connected: choose one with tiktok_account_id";
                throw origin == Origin.SEED_FORM && connected.isEmpty()
                        ? Problems.badRequest(detail) : Problems.invalid("tiktok_account_id", origin.in, detail);
            }
            p.tiktokAccountId = connected.get(0).id;
        }
        TikTokAccount account = usableAccount(p.userId, p.tiktokAccountId);
        if (account == null || account.userId != p.userId) {
            throw Problems.invalid("tiktok_account_id", origin.in, "Unknown TikTok account");
        }
        if (account.status != AccountStatus.CONNECTED) {
            throw Problems.problem(409, "The TikTok account " + (account.displayName == null ? "" : "'" + account.displayName + "' ")
                            + "needs to be reconnected before posts can be scheduled to it.")
                    .with("code", "reconnect_tiktok").with("tiktok_account_id", account.id).build();
        }
        if (mediaIds.isEmpty() && !mediaComing) {
            throw Problems.invalid("media_ids", origin.in, "A scheduled TikTok post needs a video or photos (upload them via /media)");
        }
        if (p.mode == PostMode.DIRECT_POST && p.privacyLevel == null) {
            throw Problems.invalid("privacy_level", origin.in, "is required for direct posts; TikTok allows no default");
        }
        if (p.brandContentToggle && "SELF_ONLY".equals(p.privacyLevel)) {
            throw Problems.invalid("privacy_level", origin.in, "Branded content cannot be private (SELF_ONLY)");
        }
        if (p.mediaType == MediaType.VIDEO && p.videoCoverTimestampMs != null) {
            Double seconds = found.get(mediaIds.get(0)).durationSeconds;
            if (seconds != null && p.videoCoverTimestampMs > seconds * 1000) {
                throw Problems.invalid("video_cover_timestamp_ms", origin.in, "The cover timestamp is after the end of the video");
            }
        }
        if (p.mediaType == MediaType.PHOTO && p.photoCoverIndex != null && p.photoCoverIndex >= mediaIds.size()) {
            throw Problems.invalid("photo_cover_index", origin.in, "must point at one of the photos");
        }
    }
}
