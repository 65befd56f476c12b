package io.tiktimer.tiktok.service;

import io.tiktimer.tiktok.client.TikTokCreatorInfo;

import java.time.Instant;

/** creator_info as last fetched for an account. */
public record CreatorInfoView(long accountId, TikTokCreatorInfo info, Instant fetchedAt) {
}
