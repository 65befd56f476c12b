package io.tiktimer.sandbox;

/** What an unaudited app gets when it asks a private account for anything but SELF_ONLY (undocumented by TikTok). */
public enum UnauditedPrivacyPolicy {
    FORCE_SELF_ONLY,
    REJECT
}
