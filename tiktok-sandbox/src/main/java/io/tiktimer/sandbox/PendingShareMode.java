package io.tiktimer.sandbox;

/** The docs say "5 pending shares in any 24 h window"; one peer measured a concurrent cap instead. */
public enum PendingShareMode {
    ROLLING_24H,
    CONCURRENT
}
