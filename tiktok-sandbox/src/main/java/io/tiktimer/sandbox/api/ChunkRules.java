package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.ChunkSizeUnits;

/** TikTok's FILE_UPLOAD chunk arithmetic (media transfer guide), under a chosen reading of "MB". */
public final class ChunkRules {
    private static final long DECIMAL_MB = 1_000_000L;
    private static final long BINARY_MB = 1_048_576L;
    private static final long MIN_CHUNK_MB = 5;
    private static final long MAX_CHUNK_MB = 64;
    private static final long MAX_FINAL_CHUNK_MB = 128;
    private static final long MAX_CHUNKS = 1000;

    private ChunkRules() {
    }

    public static boolean isValid(long videoSize, long chunkSize, long totalChunkCount, ChunkSizeUnits units) {
        return switch (units) {
            case DECIMAL -> isValid(videoSize, chunkSize, totalChunkCount, DECIMAL_MB);
            case BINARY -> isValid(videoSize, chunkSize, totalChunkCount, BINARY_MB);
            case STRICTEST -> isValid(videoSize, chunkSize, totalChunkCount, DECIMAL_MB)
                    && isValid(videoSize, chunkSize, totalChunkCount, BINARY_MB);
        };
    }

    private static boolean isValid(long videoSize, long chunkSize, long totalChunkCount, long mb) {
        if (videoSize <= 0 || chunkSize <= 0 || totalChunkCount < 1) {
            return false;
        }
        if (totalChunkCount == 1) {
            // A single chunk is the whole file: required below 5 MB, forbidden above 64 MB.
            return chunkSize == videoSize && videoSize <= MAX_CHUNK_MB * mb;
        }
        if (videoSize < MIN_CHUNK_MB * mb || chunkSize < MIN_CHUNK_MB * mb || chunkSize > MAX_CHUNK_MB * mb) {
            return false;
        }
        // The remainder is merged into the last chunk, never sent as an extra one.
        if (totalChunkCount != videoSize / chunkSize || totalChunkCount > MAX_CHUNKS) {
            return false;
        }
        long lastChunk = videoSize - (totalChunkCount - 1) * chunkSize;
        return lastChunk <= MAX_FINAL_CHUNK_MB * mb;
    }
}
