package io.tiktimer.publisher.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chunk arithmetic of tiktok-api.md §3.1 with the safe MB/MiB policy. */
class ChunkPlanTest {

    private static ChunkPlan plan(long size) {
        return ChunkPlan.of(size, 64_000_000L, 10_000_000L, 1000);
    }

    @Test
    void smallVideosGoWholeWithChunkSizeEqualToTheVideo() {
        assertThat(plan(4_194_304)).isEqualTo(new ChunkPlan(4_194_304, 4_194_304, 1));
        assertThat(plan(64_000_000)).isEqualTo(new ChunkPlan(64_000_000, 64_000_000, 1));
    }

    @Test
    void aboveSixtyFourMillionTheRemainderIsMergedIntoTheLastChunk() {
        ChunkPlan p = plan(64_000_001);
        assertThat(p.chunkCount()).isEqualTo(6);
        assertThat(p.lastChunkLength()).isEqualTo(14_000_001);
        ChunkPlan doc = plan(50_000_123 + 64_000_000); // beyond the whole-upload limit
        assertThat(doc.lastByte(doc.chunkCount() - 1)).isEqualTo(114_000_122);
    }

    @Test
    void theDocumentedExampleWhenChunked() {
        ChunkPlan p = ChunkPlan.of(50_000_123, 5_242_880, 10_000_000, 1000);
        assertThat(p.chunkCount()).isEqualTo(5);
        assertThat(p.firstByte(4)).isEqualTo(40_000_000);
        assertThat(p.lastByte(4)).isEqualTo(50_000_122);
        assertThat(p.lastByte(3)).isEqualTo(39_999_999);
    }

    @Test
    void resumesOnlyOnChunkBoundaries() {
        ChunkPlan p = plan(150_000_000);
        assertThat(p.chunkStartingAt(0)).isZero();
        assertThat(p.chunkStartingAt(30_000_000)).isEqualTo(3);
        assertThat(p.chunkStartingAt(30_000_001)).isEqualTo(-1);
        assertThat(p.chunkStartingAt(150_000_000)).isEqualTo(-1);
    }

    @Test
    void aOneGigabyteVideoIsAHundredChunksAndTooManyChunksAreRefused() {
        assertThat(plan(1_000_000_000L).chunkCount()).isEqualTo(100);
        assertThatThrownBy(() -> plan(10_010_000_000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
