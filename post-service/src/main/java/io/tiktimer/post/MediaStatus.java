package io.tiktimer.post;

/** {@code pending}: a presigned upload was handed out and not yet verified. {@code ready}: verified, usable in posts. */
public enum MediaStatus {
    PENDING, READY
}
