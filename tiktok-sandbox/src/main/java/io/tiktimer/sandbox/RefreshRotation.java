package io.tiktimer.sandbox;

/** Whether a refresh returns a new refresh token; TikTok says it "may differ", so clients must handle all three. */
public enum RefreshRotation {
    ALWAYS,
    NEVER,
    RANDOM
}
