package io.tiktimer.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiktimer.sandbox.SandboxApp;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.Scopes;
import io.tiktimer.sandbox.UnauditedPrivacyPolicy;
import io.tiktimer.sandbox.http.ApiCall;
import io.tiktimer.sandbox.http.ApiRefusal;
import io.tiktimer.sandbox.http.ApiReply;
import io.tiktimer.sandbox.http.ApiRoutes;
import io.tiktimer.sandbox.state.Publication;
import io.tiktimer.sandbox.state.SandboxState;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code video/init}, {@code inbox/video/init} and {@code content/init}: validation order and refusals as documented. */
final class PostInitEndpoints {
    private static final int PHOTO_TITLE_MAX = 90;
    private static final int PHOTO_DESCRIPTION_MAX = 4000;
    private static final int PHOTO_MAX_IMAGES = 35;
    private static final String PHOTO_UPLOAD_MIN_APP_VERSION = "31.8";

    private final SandboxState state;
    private final PostingGate gate;
    private final PostingRefusals refusals;
    private final PublicationFactory factory;

    PostInitEndpoints(SandboxState state, PostingGate gate, PublicationFactory factory) {
        this.state = state;
        this.gate = gate;
        this.refusals = new PostingRefusals(state);
        this.factory = factory;
    }

    ApiReply directVideo(ApiCall call) {
        JsonNode body = call.body();
        JsonNode postInfo = Fields.object(call, body, "post_info", true);
        JsonNode sourceInfo = Fields.object(call, body, "source_info", true);
        Fields.optionalBooleans(call, postInfo, "disable_duet", "disable_stitch", "disable_comment", "brand_content_toggle",
                "brand_organic_toggle", "is_aigc");
        Fields.integer(call, postInfo, "video_cover_timestamp_ms");
        String title = titleWithin(call, Fields.text(call, postInfo, "title"), state.config().titleMaxLength());
        SandboxApp app = Lookups.app(state, call);
        SandboxCreator creator = Lookups.creator(state, call);
        String privacy = privacyFor(call, app, creator, postInfo);
        VideoSource source = videoSource(call, app, sourceInfo);
        gate.directPostBlock(app, creator).ifPresent(block -> {
            throw refusals.refuse(block.code(), block.message());
        });
        String prefix = source.kind() == Publication.Source.FILE_UPLOAD ? "v_pub_file~v2-1." : "v_pub_url~v2.";
        return ApiReply.ok(factory.create(new PublicationFactory.Request(app.clientKey(), creator, "VIDEO",
                Publication.Mode.DIRECT_POST, source, privacy, title, prefix)));
    }

    /** The reference lists only source_info; peers send post_info.title too, which is accepted and kept. */
    ApiReply inboxVideo(ApiCall call) {
        JsonNode body = call.body();
        JsonNode postInfo = Fields.object(call, body, "post_info", false);
        JsonNode sourceInfo = Fields.object(call, body, "source_info", true);
        String title = titleWithin(call, Fields.text(call, postInfo, "title"), state.config().titleMaxLength());
        SandboxApp app = Lookups.app(state, call);
        SandboxCreator creator = Lookups.creator(state, call);
        VideoSource source = videoSource(call, app, sourceInfo);
        gate.uploadBlock(app, creator).ifPresent(block -> {
            throw refusals.refuse(block.code(), block.message());
        });
        String prefix = source.kind() == Publication.Source.FILE_UPLOAD ? "v_inbox_file~v2." : "v_inbox_url~v2.";
        return ApiReply.ok(factory.create(new PublicationFactory.Request(app.clientKey(), creator, "VIDEO",
                Publication.Mode.MEDIA_UPLOAD, source, null, title, prefix)));
    }

    ApiReply photo(ApiCall call) {
        JsonNode body = call.body();
        if (!"PHOTO".equals(Fields.text(call, body, "media_type"))) {
            throw call.invalidParams("media_type must be PHOTO.");
        }
        String postMode = Fields.text(call, body, "post_mode");
        boolean direct = "DIRECT_POST".equals(postMode);
        if (!direct && !"MEDIA_UPLOAD".equals(postMode)) {
            throw call.invalidParams("post_mode must be DIRECT_POST or MEDIA_UPLOAD.");
        }
        String neededScope = direct ? Scopes.VIDEO_PUBLISH : Scopes.VIDEO_UPLOAD;
        if (!call.hasScope(neededScope)) {
            ApiReply reply = ApiRoutes.scopeNotAuthorized(Set.of(neededScope));
            throw new ApiRefusal(reply.status(), reply.code(), reply.message());
        }
        JsonNode postInfo = Fields.object(call, body, "post_info", direct);
        JsonNode sourceInfo = Fields.object(call, body, "source_info", true);
        String title = titleWithin(call, Fields.text(call, postInfo, "title"), PHOTO_TITLE_MAX);
        titleWithin(call, Fields.text(call, postInfo, "description"), PHOTO_DESCRIPTION_MAX);
        Fields.optionalBooleans(call, postInfo, "disable_comment", "auto_add_music", "brand_content_toggle", "brand_organic_toggle");
        SandboxApp app = Lookups.app(state, call);
        SandboxCreator creator = Lookups.creator(state, call);
        String privacy = direct ? privacyFor(call, app, creator, postInfo) : null;
        List<URI> images = photoImages(call, app, sourceInfo);
        if (direct) {
            gate.directPostBlock(app, creator).ifPresent(block -> {
                throw refusals.refuse(block.code(), block.message());
            });
        } else {
            if (versionBelow(creator.appVersion(), PHOTO_UPLOAD_MIN_APP_VERSION)) {
                throw new ApiRefusal(400, "app_version_check_failed",
                        "The user's TikTok app must be version " + PHOTO_UPLOAD_MIN_APP_VERSION + " or later.");
            }
            gate.uploadBlock(app, creator).ifPresent(block -> {
                throw refusals.refuse(block.code(), block.message());
            });
        }
        return ApiReply.ok(factory.create(new PublicationFactory.Request(app.clientKey(), creator, "PHOTO",
                direct ? Publication.Mode.DIRECT_POST : Publication.Mode.MEDIA_UPLOAD, VideoSource.pull(images.get(0).toString()),
                privacy, title, direct ? "p_pub_url~v2." : "p_inbox_url~v2.")));
    }

    private String privacyFor(ApiCall call, SandboxApp app, SandboxCreator creator, JsonNode postInfo) {
        if (creator.banned()) {
            throw refusals.refuse("spam_risk_user_banned_from_posting", "The user is banned from making new posts.");
        }
        if (!app.audited() && !creator.privateAccount()) {
            throw refusals.refuse("unaudited_client_can_only_post_to_private_accounts",
                    "Please review our integration guidelines at https://developers.tiktok.com/doc/content-sharing-guidelines/");
        }
        String privacy = Fields.text(call, postInfo, "privacy_level");
        if (privacy == null || !creator.privacyLevelOptions().contains(privacy)) {
            throw refusals.refuse("privacy_level_option_mismatch",
                    "privacy_level is missing or not one of the creator's privacy_level_options.");
        }
        if (!app.audited() && !"SELF_ONLY".equals(privacy)) {
            if (state.config().unauditedPrivacyPolicy() == UnauditedPrivacyPolicy.REJECT) {
                throw refusals.refuse("privacy_level_option_mismatch", "Unaudited clients can only post with SELF_ONLY.");
            }
            return "SELF_ONLY";
        }
        return privacy;
    }

    private VideoSource videoSource(ApiCall call, SandboxApp app, JsonNode sourceInfo) {
        String source = Fields.text(call, sourceInfo, "source");
        if ("FILE_UPLOAD".equals(source)) {
            Long size = Fields.integer(call, sourceInfo, "video_size");
            Long chunk = Fields.integer(call, sourceInfo, "chunk_size");
            Long count = Fields.integer(call, sourceInfo, "total_chunk_count");
            if (size == null || chunk == null || count == null) {
                throw call.invalidParams("video_size, chunk_size and total_chunk_count are required for FILE_UPLOAD.");
            }
            if (size <= 0 || size > state.config().maxVideoBytes()) {
                throw call.invalidParams("The video size is invalid");
            }
            if (!ChunkRules.isValid(size, chunk, count, state.config().chunkSizeUnits())) {
                throw call.invalidParams("The chunk size is invalid");
            }
            return VideoSource.file(size, chunk, count);
        }
        if ("PULL_FROM_URL".equals(source)) {
            URI url = verifiedUrl(call, app, Fields.text(call, sourceInfo, "video_url"), "video_url");
            return VideoSource.pull(url.toString());
        }
        throw call.invalidParams("source must be FILE_UPLOAD or PULL_FROM_URL.");
    }

    private List<URI> photoImages(ApiCall call, SandboxApp app, JsonNode sourceInfo) {
        if (!"PULL_FROM_URL".equals(Fields.text(call, sourceInfo, "source"))) {
            throw call.invalidParams("Photos only support source PULL_FROM_URL.");
        }
        JsonNode list = sourceInfo.get("photo_images");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > PHOTO_MAX_IMAGES) {
            throw call.invalidParams("photo_images must list 1 to " + PHOTO_MAX_IMAGES + " image URLs.");
        }
        Long coverIndex = Fields.integer(call, sourceInfo, "photo_cover_index");
        if (coverIndex == null || coverIndex < 0 || coverIndex >= list.size()) {
            throw call.invalidParams("photo_cover_index must point into photo_images.");
        }
        List<URI> urls = new ArrayList<>();
        for (JsonNode item : list) {
            urls.add(verifiedUrl(call, app, item.isTextual() ? item.asText() : null, "photo_images"));
        }
        return urls;
    }

    private URI verifiedUrl(ApiCall call, SandboxApp app, String text, String field) {
        if (text == null) {
            throw call.invalidParams(field + " is required for PULL_FROM_URL.");
        }
        URI url;
        try {
            url = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw call.invalidParams(field + " is not a valid URL.");
        }
        if (!UrlOwnership.isVerified(app, url)) {
            throw refusals.refuse("url_ownership_unverified",
                    "The URL's domain or prefix is not verified for this app; it must also be https on a domain name.");
        }
        return url;
    }

    /** Lengths count UTF-16 code units, which is what Java's String.length() measures. */
    private static String titleWithin(ApiCall call, String title, int max) {
        if (title != null && title.length() > max) {
            throw call.invalidParams("The title is longer than " + max + " characters.");
        }
        return title == null ? "" : title;
    }

    static boolean versionBelow(String version, String minimum) {
        String[] a = version.split("\\.");
        String[] b = minimum.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? parse(a[i]) : 0;
            int y = i < b.length ? parse(b[i]) : 0;
            if (x != y) {
                return x < y;
            }
        }
        return false;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
