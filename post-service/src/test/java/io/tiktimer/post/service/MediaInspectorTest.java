package io.tiktimer.post.service;

import io.tiktimer.contracts.MediaType;
import io.tiktimer.post.TestMedia;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming inspector reads what the container says whatever the chunk boundaries. */
class MediaInspectorTest {

    private static MediaInfo inspect(InputStream in, int chunk) throws Exception {
        MediaInspector inspector = new MediaInspector();
        byte[] buf = new byte[chunk];
        int n;
        while ((n = in.read(buf)) >= 0) {
            inspector.update(buf, 0, n);
        }
        return inspector.finish();
    }

    @Test
    void readsALargeMp4StreamedInPartSizedChunks() throws Exception {
        MediaInfo info = inspect(TestMedia.largeMp4(50_000_000L), 8 << 20);
        assertThat(info.kind()).isEqualTo(MediaType.VIDEO);
        assertThat(info.sizeBytes()).isEqualTo(50_000_000L);
        assertThat(info.durationSeconds()).isEqualTo(60.0);
        assertThat(info.fps()).isEqualTo(30.0);
        assertThat(info.width()).isEqualTo(1080);
    }

    @Test
    void readsASmallMp4ByteByByte() throws Exception {
        MediaInfo info = inspect(new java.io.ByteArrayInputStream(TestMedia.mp4(12.5, 720, 1280, 25)), 1);
        assertThat(info.durationSeconds()).isEqualTo(12.5);
        assertThat(info.fps()).isEqualTo(25.0);
        assertThat(info.codec()).isEqualTo("avc1");
    }

    @Test
    void rejectsBytesThatAreNoMedia() {
        assertThatThrownBy(() -> inspect(new java.io.ByteArrayInputStream("hello world, not a video".getBytes()), 7))
                .isInstanceOf(MediaRejectedException.class);
    }

    @Test
    void aRealJpegIsReadWithItsSizeInAnyChunking() throws Exception {
        byte[] jpeg = TestMedia.jpeg(1080, 1350, 3);
        for (int chunk : new int[]{1, 7, 4096, jpeg.length}) {
            MediaInfo info = inspect(new java.io.ByteArrayInputStream(jpeg), chunk);
            assertThat(info.kind()).isEqualTo(MediaType.PHOTO);
            assertThat(info.container()).isEqualTo("jpeg");
            assertThat(info.width()).isEqualTo(1080);
            assertThat(info.height()).isEqualTo(1350);
        }
    }

    @Test
    void bytesThatOnlyStartLikeAJpegAreRefused() {
        byte[] random = new byte[100_000];
        new java.util.Random(15).nextBytes(random);
        byte[] fake = TestMedia.concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, random);
        assertThatThrownBy(() -> inspect(new java.io.ByteArrayInputStream(fake), 4096))
                .isInstanceOfSatisfying(MediaRejectedException.class, e -> assertThat(e.code()).isEqualTo("invalid_image"));
        byte[] jpeg = TestMedia.jpeg(640, 480, 1);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
        assertThatThrownBy(() -> inspect(new java.io.ByteArrayInputStream(truncated), 4096))
                .isInstanceOfSatisfying(MediaRejectedException.class, e -> assertThat(e.code()).isEqualTo("invalid_image"));
    }

    /** The smallest real WebP there is: a lossless 1x1 image, 34 bytes. */
    private static final byte[] WEBP_1X1 = java.util.HexFormat.of().parseHex(
            "524946461a000000574542505650384c0d0000002f0000001007101111888" + "8fe0700");

    @Test
    void aWebpIsReadFromItsHeaderAndRandomBytesBehindAWebpSignatureAreRefused() throws Exception {
        MediaInfo info = inspect(new java.io.ByteArrayInputStream(WEBP_1X1), 5);
        assertThat(info.container()).isEqualTo("webp");
        assertThat(info.width()).isEqualTo(1);
        assertThat(info.height()).isEqualTo(1);
        byte[] random = new byte[5000];
        new java.util.Random(16).nextBytes(random);
        byte[] fake = TestMedia.concat("RIFF".getBytes(), new byte[]{0, 0, 0, 0}, "WEBP".getBytes(), random);
        assertThatThrownBy(() -> inspect(new java.io.ByteArrayInputStream(fake), 4096))
                .isInstanceOfSatisfying(MediaRejectedException.class, e -> assertThat(e.code()).isEqualTo("invalid_image"));
    }
}
