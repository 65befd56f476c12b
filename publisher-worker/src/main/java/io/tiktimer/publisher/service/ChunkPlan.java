package io.tiktimer.publisher.service;

/**
 * How a video is cut for TikTok's FILE_UPLOAD (tiktok-api.md §3.1), with the "safe client policy" that is valid
 * whether TikTok means MB or MiB: whole when at most 64,000,000 bytes, else fixed chunks whose count is
 * {@code floor(size / chunkSize)}, the remainder merged into the last chunk.
 */
public record ChunkPlan(long videoSize, long chunkSize, int chunkCount) {

    /** The smallest chunk both readings of "5 MB" accept. */
    public static final long MIN_CHUNK = 5_242_880L;
    /** The largest chunk (and single request) both readings of "64 MB" accept. */
    public static final long MAX_CHUNK = 64_000_000L;
    /** The largest final chunk both readings of "128 MB" accept. */
    public static final long MAX_LAST_CHUNK = 128_000_000L;

    public static ChunkPlan of(long videoSize, long singleRequestMax, long chunkSize, int maxChunks) {
        if (videoSize <= 0) {
            throw new IllegalArgumentException("empty video");
        }
        if (singleRequestMax > MAX_CHUNK || chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) {
            throw new IllegalArgumentException("chunk settings outside TikTok's rules");
        }
        if (videoSize <= singleRequestMax) {
            return new ChunkPlan(videoSize, videoSize, 1);
        }
        long count = videoSize / chunkSize;
        if (count > maxChunks) {
            throw new IllegalArgumentException("video needs " + count + " chunks, TikTok allows " + maxChunks);
        }
        ChunkPlan plan = new ChunkPlan(videoSize, chunkSize, (int) count);
        if (plan.lastChunkLength() > MAX_LAST_CHUNK) {
            throw new IllegalArgumentException("last chunk would exceed " + MAX_LAST_CHUNK + " bytes");
        }
        return plan;
    }

    public long firstByte(int index) {
        return index * chunkSize;
    }

    public long lastByte(int index) {
        return index == chunkCount - 1 ? videoSize - 1 : (index + 1) * chunkSize - 1;
    }

    public long lastChunkLength() {
        return videoSize - firstByte(chunkCount - 1);
    }

    /** The chunk that starts at {@code committedBytes}, or -1 when that offset is not a chunk boundary. */
    public int chunkStartingAt(long committedBytes) {
        if (committedBytes % chunkSize != 0) {
            return -1;
        }
        long index = committedBytes / chunkSize;
        return index < chunkCount ? (int) index : -1;
    }
}
