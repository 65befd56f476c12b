package io.tiktimer.tiktok;

/** Whether TikTimer can act for a connected account; a removed account has no row at all. */
public enum ConnectionStatus {
    /** Tokens are valid or refreshable. */
    CONNECTED,
    /** TikTok refused the refresh token or the authorization was revoked: the user must connect again. */
    NEEDS_RECONNECT
}
