package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.SandboxApp;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.state.SandboxState;
import java.time.Instant;
import java.util.Optional;

/** Whether a creator may post right now through an app: ban, daily cap, pending drafts, the app's active-user cap. */
final class PostingGate {
    record Block(String code, String message) {
    }

    private final SandboxState state;

    PostingGate(SandboxState state) {
        this.state = state;
    }

    /** What creator_info reports (with HTTP 200) and direct-post init refuses. */
    Optional<Block> directPostBlock(SandboxApp app, SandboxCreator creator) {
        Instant now = state.now();
        return banned(creator)
                .or(() -> state.publications().directPostsInLastDay(creator.openId(), now) >= creator.dailyPostCap()
                        ? Optional.of(new Block("spam_risk_too_many_posts",
                                "The creator has reached the daily limit of posts made through the API."))
                        : Optional.empty())
                .or(() -> activeUserCap(app, creator));
    }

    Optional<Block> uploadBlock(SandboxApp app, SandboxCreator creator) {
        Instant now = state.now();
        return banned(creator)
                .or(() -> state.publications().pendingShares(creator.openId(), now, state.config().pendingShareMode())
                        >= state.config().pendingShareCap()
                        ? Optional.of(new Block("spam_risk_too_many_pending_share",
                                "The creator has too many pending shares; they must post or discard the drafts in the TikTok app."))
                        : Optional.empty())
                .or(() -> activeUserCap(app, creator));
    }

    private static Optional<Block> banned(SandboxCreator creator) {
        return creator.banned()
                ? Optional.of(new Block("spam_risk_user_banned_from_posting", "The user is banned from making new posts."))
                : Optional.empty();
    }

    private Optional<Block> activeUserCap(SandboxApp app, SandboxCreator creator) {
        Instant now = state.now();
        if (state.publications().isActiveUser(app.clientKey(), creator.openId(), now)) {
            return Optional.empty();
        }
        return state.publications().activeUsers(app.clientKey(), now) >= app.effectiveActiveUserCap()
                ? Optional.of(new Block("reached_active_user_cap",
                        "The daily quota of active publishing users for this client has been reached."))
                : Optional.empty();
    }
}
