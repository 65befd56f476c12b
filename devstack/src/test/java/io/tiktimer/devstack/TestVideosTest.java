package io.tiktimer.devstack;

import io.tiktimer.devstack.testing.TestVideos;
import org.junit.jupiter.api.Test;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleSizeBox;
import org.mp4parser.boxes.iso14496.part12.TimeToSampleBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.tools.Path;

import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TestVideosTest {

    @Test
    void aGeneratedMp4HasTheRequestedSizeDurationResolutionAndFrameRate() throws Exception {
        TestVideos.Mp4 video = new TestVideos.Mp4(3_000_123, 12.5, 720, 1280, 30);
        java.nio.file.Path file = Files.createTempFile("video", ".mp4");
        try {
            try (var out = Files.newOutputStream(file)) {
                video.writeTo(out);
            }
            assertThat(Files.size(file)).isEqualTo(3_000_123);
            try (IsoFile iso = new IsoFile(file.toFile())) {
                MovieHeaderBox mvhd = Path.getPath(iso, "moov/mvhd");
                TrackHeaderBox tkhd = Path.getPath(iso, "moov/trak/tkhd");
                TimeToSampleBox stts = Path.getPath(iso, "moov/trak/mdia/minf/stbl/stts");
                SampleSizeBox stsz = Path.getPath(iso, "moov/trak/mdia/minf/stbl/stsz");

                assertThat((double) mvhd.getDuration() / mvhd.getTimescale()).isEqualTo(12.5);
                assertThat(tkhd.getWidth()).isEqualTo(720);
                assertThat(tkhd.getHeight()).isEqualTo(1280);
                long frames = stts.getEntries().get(0).getCount();
                assertThat(frames / 12.5).isEqualTo(30.0);
                assertThat(Arrays.stream(stsz.getSampleSizes()).sum() + iso.getBoxes().stream()
                        .filter(b -> !b.getType().equals("mdat")).mapToLong(b -> b.getSize()).sum() + 8)
                        .as("samples fill the mdat box exactly").isEqualTo(3_000_123);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aLargeVideoStreamsWithoutBeingHeldInMemory() throws Exception {
        TestVideos.Mp4 video = TestVideos.mp4(300L * 1024 * 1024, 60);
        long read = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = video.stream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                read += n;
            }
        }
        assertThat(read).isEqualTo(300L * 1024 * 1024);
        byte[] start = TestVideos.mp4(10_000, 1).bytes();
        assertThat(new String(start, 4, 4)).isEqualTo("ftyp");
    }
}
