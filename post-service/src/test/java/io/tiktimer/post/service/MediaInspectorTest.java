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
}
