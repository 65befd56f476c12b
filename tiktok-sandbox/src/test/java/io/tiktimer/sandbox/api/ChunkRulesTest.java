package io.tiktimer.sandbox.api;

import static io.tiktimer.sandbox.ChunkSizeUnits.BINARY;
import static io.tiktimer.sandbox.ChunkSizeUnits.DECIMAL;
import static io.tiktimer.sandbox.ChunkSizeUnits.STRICTEST;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkRulesTest {

    @Test
    void docWorkedExampleIsValidUnderEveryReading() {
        assertThat(ChunkRules.isValid(50_000_123, 10_000_000, 5, STRICTEST)).isTrue();
        assertThat(ChunkRules.isValid(50_000_123, 10_000_000, 6, STRICTEST)).as("remainder is not an extra chunk").isFalse();
    }

    @Test
    void smallVideosMustBeSentWhole() {
        assertThat(ChunkRules.isValid(4_194_304, 4_194_304, 1, STRICTEST)).isTrue();
        assertThat(ChunkRules.isValid(4_194_304, 1_000_000, 4, DECIMAL)).isFalse();
    }

    @Test
    void singleChunkMustEqualTheVideoSize() {
        assertThat(ChunkRules.isValid(10_000_000, 6_000_000, 1, STRICTEST)).isFalse();
    }

    @Test
    void wholeUploadCeilingDependsOnTheReadingOfMegabyte() {
        long between = 65_000_000;
        assertThat(ChunkRules.isValid(between, between, 1, BINARY)).isTrue();
        assertThat(ChunkRules.isValid(between, between, 1, DECIMAL)).isFalse();
        assertThat(ChunkRules.isValid(between, between, 1, STRICTEST)).isFalse();
        assertThat(ChunkRules.isValid(64_000_000, 64_000_000, 1, STRICTEST)).isTrue();
    }

    @Test
    void chunkSizeBoundsFollowTheChosenUnits() {
        assertThat(ChunkRules.isValid(100_000_000, 5_000_000, 20, DECIMAL)).isTrue();
        assertThat(ChunkRules.isValid(100_000_000, 5_000_000, 20, BINARY)).as("5,000,000 < 5 MiB").isFalse();
        assertThat(ChunkRules.isValid(100_000_000, 5_242_880, 19, STRICTEST)).isTrue();
        assertThat(ChunkRules.isValid(200_000_000, 66_000_000, 3, BINARY)).isTrue();
        assertThat(ChunkRules.isValid(200_000_000, 66_000_000, 3, STRICTEST)).isFalse();
    }

    @Test
    void lastChunkMayNotExceed128MegabytesAndCountMayNotExceed1000() {
        assertThat(ChunkRules.isValid(127_999_999L + 64_000_000, 64_000_000, 2, STRICTEST)).isTrue();
        assertThat(ChunkRules.isValid(128_000_001L + 64_000_000, 64_000_000, 2, DECIMAL)).isFalse();
        assertThat(ChunkRules.isValid(5_242_880L * 1001, 5_242_880, 1001, BINARY)).isFalse();
        assertThat(ChunkRules.isValid(5_242_880L * 1000, 5_242_880, 1000, BINARY)).isTrue();
    }

    @Test
    void nonsenseIsRejected() {
        assertThat(ChunkRules.isValid(0, 0, 1, DECIMAL)).isFalse();
        assertThat(ChunkRules.isValid(10_000_000, -1, 1, DECIMAL)).isFalse();
        assertThat(ChunkRules.isValid(10_000_000, 10_000_000, 0, DECIMAL)).isFalse();
    }
}
