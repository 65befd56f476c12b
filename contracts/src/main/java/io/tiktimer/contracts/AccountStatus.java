package io.tiktimer.contracts;

/** Whether TikTimer can publish to a connected TikTok account. */
public enum AccountStatus {
    /** Tokens are valid (or refreshable): posts can be published. */
    CONNECTED,
    /** TikTok refused the refresh token or the user revoked access: the user must connect the account again. */
    NEEDS_RECONNECT,
    /** The user removed the account from TikTimer. */
    DISCONNECTED
}
