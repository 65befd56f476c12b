package io.tiktimer.auth.mapping;

import io.tiktimer.auth.User;
import io.tiktimer.auth.client.TikTokAccountsClient;
import io.tiktimer.auth.rest.UserResponse;

public final class UserMapper {

    private UserMapper() {
    }

    public static UserResponse toResponse(User user) {
        return toResponse(user, java.util.Optional.empty());
    }

    /** With the seed's TikTok fields from the user's first connected account, when there is one. */
    public static UserResponse toResponse(User user, java.util.Optional<TikTokAccountsClient.Linked> tiktok) {
        return new UserResponse(user.id, user.email, user.username, user.active, user.superuser, user.role.value(),
                user.createdAt, tiktok.map(TikTokAccountsClient.Linked::openId).orElse(null),
                tiktok.map(TikTokAccountsClient.Linked::tokenExpiresAt).orElse(null));
    }
}
