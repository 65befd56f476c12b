package io.tiktimer.sandbox;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** TikTok's scope names and the comma-separated wire form used by authorize, token and callback. */
public final class Scopes {
    public static final String USER_INFO_BASIC = "user.info.basic";
    public static final String USER_INFO_PROFILE = "user.info.profile";
    public static final String USER_INFO_STATS = "user.info.stats";
    public static final String VIDEO_PUBLISH = "video.publish";
    public static final String VIDEO_UPLOAD = "video.upload";
    public static final String VIDEO_LIST = "video.list";

    public static final List<String> ALL =
            List.of(USER_INFO_BASIC, USER_INFO_PROFILE, USER_INFO_STATS, VIDEO_PUBLISH, VIDEO_UPLOAD, VIDEO_LIST);

    private Scopes() {
    }

    /** Keeps empty items out but does not trim: a space-separated list must stay one unknown scope. */
    public static Set<String> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isEmpty()) {
            return new LinkedHashSet<>();
        }
        return Arrays.stream(commaSeparated.split(","))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String join(Set<String> scopes) {
        return String.join(",", scopes);
    }
}
