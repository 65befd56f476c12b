package io.tiktimer.tiktok.client;

/** The profile fields of Display API user/info that TikTimer shows; username only with user.info.profile. */
public record TikTokUserInfo(String openId, String displayName, String avatarUrl, String username) {
}
