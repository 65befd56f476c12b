package io.tiktimer.sandbox;

/**
 * How "MB" in TikTok's chunk rules is read. The docs' examples are decimal but never say so; peers disagree.
 * {@link #STRICTEST} accepts only plans that are valid under both readings, so a client that passes it
 * passes TikTok whichever reading TikTok actually uses.
 */
public enum ChunkSizeUnits {
    DECIMAL,
    BINARY,
    STRICTEST
}
