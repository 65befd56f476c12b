package io.tiktimer.publisher.attempt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiktimer.contracts.MediaRef;
import io.tiktimer.contracts.MediaType;
import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostMode;
import io.tiktimer.publisher.client.TikTokClient;
import io.tiktimer.publisher.config.PublisherConfig;
import io.tiktimer.publisher.service.ChunkPlan;
import io.tiktimer.publisher.service.Failure;
import io.tiktimer.publisher.service.FailureCatalog;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an init sends to TikTok and what must hold before it is sent: the post on its own (media, privacy), and the post
 * against what the creator's {@code creator_info} allows right now (privacy options, interactions, video length).
 * Pure: no calls, no state.
 */
@ApplicationScoped
public class InitRequest {
    private static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime", "video/webm");
    private static final int MAX_PHOTOS = 35;

    private final PublisherConfig config;
    private final ObjectMapper json;

    public InitRequest(PublisherConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** Why the post cannot be sent as it is, if it cannot. */
    Optional<Failure> invalid(PostDue due) {
        List<MediaRef> list = due.media();
        if (due.mode() == null || due.mediaType() == null || list.isEmpty()) {
            return Optional.of(FailureCatalog.ours("invalid_post", "The post has no media to publish.", false));
        }
        if (due.mediaType() == MediaType.VIDEO) {
            if (list.size() != 1) {
                return Optional.of(FailureCatalog.ours("invalid_post", "A video post carries exactly one video.", false));
            }
            String type = list.get(0).contentType() == null ? "" : list.get(0).contentType().toLowerCase(Locale.ROOT);
            if (!VIDEO_TYPES.contains(type)) {
                return Optional.of(FailureCatalog.ours("unsupported_media_type",
                        "TikTok accepts MP4, MOV and WebM videos only.", false));
            }
        } else {
            if (list.size() > MAX_PHOTOS) {
                return Optional.of(FailureCatalog.ours("invalid_post", "TikTok accepts at most 35 photos.", false));
            }
            if (config.media().publicBaseUrl().isEmpty()) {
                return Optional.of(FailureCatalog.ours("photo_source_unavailable",
                        "Photo posts are not available yet: TikTok must fetch photos from a verified TikTimer address.",
                        false));
            }
        }
        if (due.mode() == PostMode.DIRECT_POST && (due.privacyLevel() == null || due.privacyLevel().isBlank())) {
            return Optional.of(FailureCatalog.ours("privacy_level_missing",
                    "Choose who can see the post before it is published.", false));
        }
        return Optional.empty();
    }

    /** Why the creator cannot post this right now, judged from the {@code data} of their creator_info. */
    Optional<Failure> refusedByCreator(PostDue due, JsonNode info, String logId) {
        List<String> options = new ArrayList<>();
        info.path("privacy_level_options").forEach(o -> options.add(o.asText()));
        if (!options.contains(due.privacyLevel())) {
            return Optional.of(new Failure("privacy_level_not_offered", logId, "TikTok does not offer \""
                    + due.privacyLevel() + "\" for this account right now (it offers " + String.join(", ", options)
                    + "). Choose the privacy again.", false, false, null));
        }
        if (due.brandContentToggle() && "SELF_ONLY".equals(due.privacyLevel())) {
            return Optional.of(new Failure("branded_content_private", logId,
                    "Branded content cannot be private (\"only me\"). Choose another privacy.", false, false, null));
        }
        if (!due.disableComment() && info.path("comment_disabled").asBoolean(false)) {
            return Optional.of(interaction("Comments", logId));
        }
        if (due.mediaType() != MediaType.VIDEO) {
            return Optional.empty();
        }
        if (!due.disableDuet() && info.path("duet_disabled").asBoolean(false)) {
            return Optional.of(interaction("Duet", logId));
        }
        if (!due.disableStitch() && info.path("stitch_disabled").asBoolean(false)) {
            return Optional.of(interaction("Stitch", logId));
        }
        Double duration = due.media().get(0).durationSeconds();
        int max = info.path("max_video_post_duration_sec").asInt(Integer.MAX_VALUE);
        if (duration != null && duration > max) {
            return Optional.of(new Failure("duration_exceeds_creator_max", logId, "The video is "
                    + Math.round(duration) + " s long; this TikTok account may post at most " + max
                    + " s. Shorten the video.", false, false, null));
        }
        return Optional.empty();
    }

    private static Failure interaction(String what, String logId) {
        return new Failure("interaction_not_allowed", logId, what + " is turned off for this TikTok account. Turn it "
                + "off for this post too, or allow it in the TikTok app.", false, false, null);
    }

    /** Whether TikTok pulls videos from TikTimer's public media address instead of receiving uploaded chunks. */
    boolean pullsVideos() {
        return config.media().pullVideos() && config.media().publicBaseUrl().isPresent();
    }

    String path(PostDue due) {
        if (due.mediaType() == MediaType.PHOTO) {
            return TikTokClient.CONTENT_INIT;
        }
        return due.mode() == PostMode.INBOX ? TikTokClient.INBOX_VIDEO_INIT : TikTokClient.VIDEO_INIT;
    }

    ObjectNode emptyBody() {
        return json.createObjectNode();
    }

    /** The init body; {@code plan} is the chunking of an uploaded video, null when TikTok pulls the media. */
    ObjectNode body(PostDue due, ChunkPlan plan) {
        ObjectNode body = json.createObjectNode();
        ObjectNode post = json.createObjectNode();
        ObjectNode source = json.createObjectNode();
        boolean direct = due.mode() == PostMode.DIRECT_POST;
        if (due.mediaType() == MediaType.PHOTO) {
            body.put("media_type", "PHOTO");
            body.put("post_mode", direct ? "DIRECT_POST" : "MEDIA_UPLOAD");
            putIfPresent(post, "title", due.title());
            putIfPresent(post, "description", due.content());
            if (direct) {
                post.put("privacy_level", due.privacyLevel());
                post.put("disable_comment", due.disableComment());
                post.put("brand_content_toggle", due.brandContentToggle());
                post.put("brand_organic_toggle", due.brandOrganicToggle());
            }
            source.put("source", "PULL_FROM_URL");
            ArrayNode images = source.putArray("photo_images");
            due.media().forEach(m -> images.add(publicUrl(m)));
            source.put("photo_cover_index", due.photoCoverIndex() == null ? 0 : due.photoCoverIndex());
        } else {
            putIfPresent(post, "title", due.content());
            if (direct) {
                post.put("privacy_level", due.privacyLevel());
                post.put("disable_duet", due.disableDuet());
                post.put("disable_stitch", due.disableStitch());
                post.put("disable_comment", due.disableComment());
                if (due.videoCoverTimestampMs() != null) {
                    post.put("video_cover_timestamp_ms", due.videoCoverTimestampMs());
                }
                post.put("brand_content_toggle", due.brandContentToggle());
                post.put("brand_organic_toggle", due.brandOrganicToggle());
                post.put("is_aigc", due.aigc());
            }
            if (plan == null) {
                source.put("source", "PULL_FROM_URL");
                source.put("video_url", publicUrl(due.media().get(0)));
            } else {
                source.put("source", "FILE_UPLOAD");
                source.put("video_size", plan.videoSize());
                source.put("chunk_size", plan.chunkSize());
                source.put("total_chunk_count", plan.chunkCount());
            }
        }
        if (!post.isEmpty()) {
            body.set("post_info", post);
        }
        body.set("source_info", source);
        return body;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private String publicUrl(MediaRef m) {
        String base = config.media().publicBaseUrl().orElseThrow();
        return (base.endsWith("/") ? base : base + "/") + m.key();
    }
}
