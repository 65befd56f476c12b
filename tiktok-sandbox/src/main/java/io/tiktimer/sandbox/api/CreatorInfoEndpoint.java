package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.SandboxApp;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.http.ApiCall;
import io.tiktimer.sandbox.http.ApiReply;
import io.tiktimer.sandbox.http.Json;
import io.tiktimer.sandbox.state.SandboxState;
import java.util.Map;

/** {@code creator_info/query}: a creator who cannot post right now is reported with HTTP 200 and a non-ok code. */
final class CreatorInfoEndpoint {
    private final SandboxState state;
    private final PostingGate gate;

    CreatorInfoEndpoint(SandboxState state, PostingGate gate) {
        this.state = state;
        this.gate = gate;
    }

    ApiReply handle(ApiCall call) {
        SandboxApp app = Lookups.app(state, call);
        SandboxCreator creator = Lookups.creator(state, call);
        Map<String, Object> data = Json.object(
                "creator_avatar_url", creator.avatarUrl(),
                "creator_username", creator.username(),
                "creator_nickname", creator.displayName(),
                "privacy_level_options", creator.privacyLevelOptions(),
                "comment_disabled", creator.commentDisabled(),
                "duet_disabled", creator.duetDisabled(),
                "stitch_disabled", creator.stitchDisabled(),
                "max_video_post_duration_sec", creator.maxVideoPostDurationSec());
        return gate.directPostBlock(app, creator)
                .map(block -> ApiReply.error(200, block.code(), block.message()).withData(data))
                .orElseGet(() -> ApiReply.ok(data));
    }
}
