package io.tiktimer.contracts;

/** What a post carries: one video, or 1 to 35 photos. */
public enum MediaType {
    VIDEO,
    PHOTO
}
