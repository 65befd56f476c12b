package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.Scopes;
import io.tiktimer.sandbox.http.ApiCall;
import io.tiktimer.sandbox.http.ApiRefusal;
import io.tiktimer.sandbox.http.ApiReply;
import io.tiktimer.sandbox.http.Json;
import io.tiktimer.sandbox.state.SandboxState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Display API {@code user/info}: only the requested fields, and only those the granted scopes cover. */
final class UserInfoEndpoint {
    private record Field(String scope, Function<SandboxCreator, Object> value) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("open_id", new Field(Scopes.USER_INFO_BASIC, SandboxCreator::openId));
        FIELDS.put("union_id", new Field(Scopes.USER_INFO_BASIC, SandboxCreator::unionId));
        FIELDS.put("avatar_url", new Field(Scopes.USER_INFO_BASIC, SandboxCreator::avatarUrl));
        FIELDS.put("avatar_url_100", new Field(Scopes.USER_INFO_BASIC, SandboxCreator::avatarUrl));
        FIELDS.put("avatar_large_url", new Field(Scopes.USER_INFO_BASIC, SandboxCreator::avatarUrl));
        FIELDS.put("display_name", new Field(Scopes.USER_INFO_BASIC, SandboxCreator::displayName));
        FIELDS.put("username", new Field(Scopes.USER_INFO_PROFILE, SandboxCreator::username));
        FIELDS.put("bio_description", new Field(Scopes.USER_INFO_PROFILE, SandboxCreator::bioDescription));
        FIELDS.put("profile_deep_link", new Field(Scopes.USER_INFO_PROFILE,
                c -> "https://vm.tiktok.com/@" + c.username()));
        FIELDS.put("is_verified", new Field(Scopes.USER_INFO_PROFILE, SandboxCreator::verified));
        FIELDS.put("follower_count", new Field(Scopes.USER_INFO_STATS, SandboxCreator::followerCount));
        FIELDS.put("following_count", new Field(Scopes.USER_INFO_STATS, SandboxCreator::followingCount));
        FIELDS.put("likes_count", new Field(Scopes.USER_INFO_STATS, SandboxCreator::likesCount));
        FIELDS.put("video_count", new Field(Scopes.USER_INFO_STATS, c -> 0L));
    }

    private final SandboxState state;

    UserInfoEndpoint(SandboxState state) {
        this.state = state;
    }

    ApiReply handle(ApiCall call) {
        String fieldsParam = call.query("fields");
        if (fieldsParam == null || fieldsParam.isBlank()) {
            throw call.invalidParams("fields is required.");
        }
        SandboxCreator creator = Lookups.creator(state, call);
        Map<String, Object> user = new LinkedHashMap<>();
        for (String name : fieldsParam.split(",")) {
            String fieldName = name.trim();
            Field field = FIELDS.get(fieldName);
            if (field == null) {
                throw call.invalidParams("Unknown field: " + fieldName);
            }
            if (!call.hasScope(field.scope())) {
                throw new ApiRefusal(400, "scope_permission_missed",
                        "The field " + fieldName + " needs the scope " + field.scope() + ", which the user did not grant.");
            }
            user.put(fieldName, field.value().apply(creator));
        }
        return ApiReply.ok(Json.object("user", user));
    }
}
