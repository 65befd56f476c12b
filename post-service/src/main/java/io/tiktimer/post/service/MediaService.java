package io.tiktimer.post.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tiktimer.contracts.MediaType;
import io.tiktimer.post.Media;
import io.tiktimer.post.MediaStatus;
import io.tiktimer.post.PostStatus;
import io.tiktimer.post.client.MediaStorageClient;
import io.tiktimer.post.config.PostConfig;
import io.tiktimer.post.repository.MediaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Media: bytes stream to S3 while {@link MediaInspector} hashes and inspects them; the row becomes {@code ready} only
 * after the content passed TikTok's limits. No database transaction is held while bytes move.
 */
@ApplicationScoped
public class MediaService {

    private static final Logger LOG = Logger.getLogger(MediaService.class);

    /** Statuses in which a post still needs its media. */
    static final List<PostStatus> USING_STATUSES = List.of(PostStatus.DRAFT, PostStatus.SCHEDULED, PostStatus.QUEUED,
            PostStatus.PUBLISHING, PostStatus.UNCONFIRMED, PostStatus.FAILED);

    private final MediaRepository media;
    private final MediaStorageClient storage;
    private final PostConfig config;
    private final EntityManager em;
    private final Clock clock;

    public MediaService(MediaRepository media, MediaStorageClient storage, PostConfig config, EntityManager em,
                        Clock clock) {
        this.media = media;
        this.storage = storage;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    public static String keyOf(long userId, long mediaId) {
        return "users/" + userId + "/media/" + mediaId;
    }

    public static String posterKeyOf(long userId, long mediaId) {
        return "users/" + userId + "/posters/" + mediaId + ".jpg";
    }

    public static String userPrefix(long userId) {
        return "users/" + userId + "/";
    }

    /** Stores an upload streamed through the service. On rejection nothing is left behind: no row, no object. */
    public Media ingest(long userId, InputStream in, String filename) {
        Media row = QuarkusTransaction.requiringNew().call(() -> {
            Media m = new Media();
            m.userId = userId;
            m.status = MediaStatus.PENDING;
            m.bucket = storage.bucket();
            m.s3Key = "pending";
            m.originalFilename = sanitize(filename);
            m.createdAt = clock.instant();
            m.updatedAt = m.createdAt;
            media.persist(m);
            media.flush();
            m.s3Key = keyOf(userId, m.id);
            return m;
        });
        MediaInspector inspector = new MediaInspector();
        MediaInfo info;
        try {
            storage.upload(row.s3Key, "application/octet-stream", in, config.media().maxVideoBytes(), inspector::update);
            info = inspector.finish();
            validate(info);
        } catch (MediaStorageClient.TooLargeException e) {
            discard(row);
            throw new MediaRejectedException("file_too_large", "The file is larger than TikTok's limit of "
                    + e.limit() + " bytes.");
        } catch (RuntimeException e) {
            discard(row);
            throw e;
        }
        return markReady(row.id, info);
    }

    /** Hands out a presigned PUT for a direct-to-S3 upload; the media stays pending until {@link #complete}. */
    public PresignedUpload presign(long userId, String filename) {
        Media row = QuarkusTransaction.requiringNew().call(() -> {
            Media m = new Media();
            m.userId = userId;
            m.status = MediaStatus.PENDING;
            m.bucket = storage.bucket();
            m.s3Key = "pending";
            m.originalFilename = sanitize(filename);
            m.createdAt = clock.instant();
            m.updatedAt = m.createdAt;
            media.persist(m);
            media.flush();
            m.s3Key = keyOf(userId, m.id);
            return m;
        });
        Instant expires = clock.instant().plus(config.media().presignTtl());
        URL url = storage.presignPut(row.s3Key, "application/octet-stream", config.media().presignTtl());
        return new PresignedUpload(row, url, "application/octet-stream", expires);
    }

    public record PresignedUpload(Media media, URL url, String contentType, Instant expiresAt) {
    }

    /** Where the owner's browser may show a verified media item from, for as long as a presigned upload lasts. */
    public Optional<Preview> preview(long userId, long id) {
        return find(userId, id).filter(m -> m.status == MediaStatus.READY).map(m -> new Preview(
                storage.presignGet(m.s3Key, m.contentType, config.media().presignTtl()),
                clock.instant().plus(config.media().presignTtl())));
    }

    public record Preview(URL url, Instant expiresAt) {
    }

    /** Where a browser may load the media's poster frame from, if it has one (as short-lived as a preview). */
    public Optional<URL> posterUrl(Media m) {
        return Optional.ofNullable(m.posterKey)
                .map(key -> storage.presignGet(key, "image/jpeg", config.media().presignTtl()));
    }

    /**
     * Stores the poster frame the uploading browser made from the file. It is read into memory because it is small
     * by rule (refused past {@code maxPosterBytes} without reading on), and walked as a JPEG before it is stored, so
     * what an {@code <img>} later loads from the bucket is a real, small image. A new poster replaces the old one.
     */
    public Optional<Media> storePoster(long userId, long id, InputStream body) {
        if (find(userId, id).filter(m -> m.status == MediaStatus.READY).isEmpty()) {
            return Optional.empty();
        }
        PostConfig.Media limits = config.media();
        byte[] bytes = readAtMost(body, limits.maxPosterBytes());
        JpegWalker jpeg = new JpegWalker();
        jpeg.update(bytes, 0, bytes.length);
        if (!jpeg.complete()) {
            throw new MediaRejectedException("unsupported_media_type", "A poster frame must be a complete JPEG image.");
        }
        if (Math.max(jpeg.width(), jpeg.height()) > limits.maxPosterSidePixels()) {
            throw new MediaRejectedException("unsupported_resolution", "The poster frame is " + jpeg.width() + "x"
                    + jpeg.height() + "; a poster frame may be at most " + limits.maxPosterSidePixels() + " pixels a side.");
        }
        String key = posterKeyOf(userId, id);
        storage.put(key, "image/jpeg", bytes);
        Media stored = QuarkusTransaction.requiringNew().call(() -> {
            Media m = media.findById(id);
            if (m != null) {
                m.posterKey = key;
                m.updatedAt = clock.instant();
            }
            return m;
        });
        if (stored == null) {
            // the media was deleted while its poster travelled: the poster must not outlive it
            storage.delete(key);
            return Optional.empty();
        }
        return Optional.of(stored);
    }

    private static byte[] readAtMost(InputStream in, int limit) {
        try {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new MediaRejectedException("file_too_large", "A poster frame may be at most " + limit + " bytes.");
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Verifies a presigned upload by reading the object back through the same inspection as a streamed upload. A
     * rejected object is deleted and the media row removed.
     */
    public Optional<Media> complete(long userId, long mediaId) {
        Optional<Media> found = media.findOwned(mediaId, userId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Media row = found.get();
        if (row.status == MediaStatus.READY) {
            return found;
        }
        MediaInspector inspector = new MediaInspector();
        MediaInfo info;
        try (InputStream in = storage.open(row.s3Key).orElseThrow(() -> new MediaRejectedException("upload_missing",
                "Nothing was uploaded to the presigned URL yet."))) {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > config.media().maxVideoBytes()) {
                    throw new MediaRejectedException("file_too_large", "The file is larger than TikTok's limit.");
                }
                inspector.update(buf, 0, n);
            }
            info = inspector.finish();
            validate(info);
        } catch (MediaRejectedException e) {
            if (!"upload_missing".equals(e.code())) {
                discard(row);
            }
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Optional.of(markReady(row.id, info));
    }

    private Media markReady(long id, MediaInfo info) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Media m = media.findById(id);
            m.status = MediaStatus.READY;
            m.kind = info.kind();
            m.container = info.container();
            m.contentType = info.contentType();
            m.sizeBytes = info.sizeBytes();
            m.sha256 = info.sha256();
            m.durationSeconds = info.durationSeconds();
            m.width = info.width();
            m.height = info.height();
            m.fps = info.fps();
            m.codec = info.codec();
            m.updatedAt = clock.instant();
            return m;
        });
    }

    private void discard(Media row) {
        try {
            storage.delete(row.s3Key);
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete rejected upload %s: %s", row.s3Key, e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> media.delete("id", row.id));
    }

    /** TikTok's media rules (tiktok-api.md §3.3), configurable because TikTok changes them. */
    void validate(MediaInfo info) {
        PostConfig.Media limits = config.media();
        if (info.kind() == MediaType.PHOTO) {
            if (info.sizeBytes() > limits.maxImageBytes()) {
                throw new MediaRejectedException("file_too_large",
                        "Images may be at most " + limits.maxImageBytes() + " bytes.");
            }
            return;
        }
        if (info.codec() != null && !acceptedCodec(info.codec())) {
            throw new MediaRejectedException("unsupported_codec",
                    "Video codec '" + info.codec() + "' is not accepted by TikTok (H.264, H.265, VP8, VP9).");
        }
        if (info.durationSeconds() == null) {
            throw new MediaRejectedException("invalid_video", "The video's duration cannot be read from the file.");
        }
        if (info.durationSeconds() > limits.maxVideoSeconds()) {
            throw new MediaRejectedException("video_too_long", String.format(Locale.ROOT,
                    "The video is %.1f s long; TikTok accepts at most %.0f s.", info.durationSeconds(), limits.maxVideoSeconds()));
        }
        if (info.durationSeconds() < limits.minVideoSeconds()) {
            throw new MediaRejectedException("video_too_short", String.format(Locale.ROOT,
                    "The video is %.1f s long; it must be at least %.0f s.", info.durationSeconds(), limits.minVideoSeconds()));
        }
        if (info.width() != null && info.height() != null && (Math.min(info.width(), info.height()) < limits.minSidePixels()
                || Math.max(info.width(), info.height()) > limits.maxSidePixels())) {
            throw new MediaRejectedException("unsupported_resolution", "The video is " + info.width() + "x" + info.height()
                    + "; TikTok needs " + limits.minSidePixels() + " to " + limits.maxSidePixels() + " pixels on each side.");
        }
        if (info.fps() != null && (info.fps() < limits.minFps() - 0.5 || info.fps() > limits.maxFps() + 0.5)) {
            throw new MediaRejectedException("unsupported_frame_rate", String.format(Locale.ROOT,
                    "The video has %.1f frames per second; TikTok accepts %.0f to %.0f.", info.fps(), limits.minFps(),
                    limits.maxFps()));
        }
    }

    private static boolean acceptedCodec(String codec) {
        String c = codec.toLowerCase(Locale.ROOT);
        return c.equals("avc1") || c.equals("avc3") || c.equals("hvc1") || c.equals("hev1") || c.equals("vp08")
                || c.equals("vp09") || c.equals("v_vp8") || c.equals("v_vp9") || c.equals("v_mpegh/iso/hevc")
                || c.equals("v_mpeg4/iso/avc");
    }

    private static String sanitize(String filename) {
        if (filename == null || filename.isBlank()) {
            return null;
        }
        String f = filename.replaceAll("[\\p{Cntrl}\\p{Cs}/\\\\]", "_");
        if (f.length() <= 255) {
            return f;
        }
        // never cut a surrogate pair in two: its lone half would be stored as '?'
        return f.substring(0, Character.isHighSurrogate(f.charAt(254)) ? 254 : 255);
    }

    public List<Media> list(long userId) {
        return media.list("userId = ?1 order by id desc", userId);
    }

    public Optional<Media> find(long userId, long id) {
        return media.findOwned(id, userId);
    }

    public enum DeleteResult { DELETED, NOT_FOUND, IN_USE }

    /** Refused while a post that may still be published uses the media. */
    public DeleteResult delete(long userId, long id) {
        Optional<Media> found = QuarkusTransaction.requiringNew().call(() -> media.findOwned(id, userId));
        if (found.isEmpty()) {
            return DeleteResult.NOT_FOUND;
        }
        boolean inUse = QuarkusTransaction.requiringNew().call(() -> {
            // lock the media row so a concurrent post creation that references it waits for this decision
            em.createNativeQuery("select id from media where id = ?1 for update").setParameter(1, id).getResultList();
            Number n = (Number) em.createNativeQuery("select count(*) from post_media pm join post p on p.id = pm.post_id "
                            + "where pm.media_id = ?1 and p.status in ('draft','scheduled','queued','publishing','unconfirmed','failed')")
                    .setParameter(1, id).getSingleResult();
            if (n.longValue() > 0) {
                return true;
            }
            media.delete("id", id);
            return false;
        });
        if (inUse) {
            return DeleteResult.IN_USE;
        }
        try {
            storage.delete(found.get().s3Key);
            if (found.get().posterKey != null) {
                storage.delete(found.get().posterKey);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Media %d deleted, but its object %s stays until the user's data is erased: %s", id,
                    found.get().s3Key, e.getMessage());
        }
        return DeleteResult.DELETED;
    }
}
