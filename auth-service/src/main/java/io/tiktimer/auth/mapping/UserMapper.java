package io.tiktimer.auth.mapping;

import io.tiktimer.auth.User;
import io.tiktimer.auth.rest.UserResponse;

public final class UserMapper {

    private UserMapper() {
    }

    public static UserResponse toResponse(User user) {
        return new UserResponse(user.id, user.email, user.username, user.active, user.superuser, user.role.value(),
                user.createdAt, null, null);
    }
}
