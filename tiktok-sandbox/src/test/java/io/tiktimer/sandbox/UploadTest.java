package io.tiktimer.sandbox;

import static io.tiktimer.sandbox.DemoAccounts.PUBLIC_CREATOR_OPEN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UploadTest {
    private static TikTokSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = SandboxClient.startFast(SandboxConfig.defaults());
        client = new SandboxClient(sandbox);
        sandbox.app(SandboxClient.CLIENT_KEY).orElseThrow();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private record Init(String publishId, String uploadUrl) {
    }

    private Init init(long size, long chunk, long count) {
        sandbox.clock().advance(Duration.ofSeconds(11));
        String token = client.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
        SandboxClient.Reply reply = client.fileInit(token, "PUBLIC_TO_EVERYONE", size, chunk, count);
        assertThat(reply.errorCode()).isEqualTo("ok");
        return new Init(reply.data().get("publish_id").asText(), reply.data().get("upload_url").asText());
    }

    @Test
    void docExampleOf50000123BytesUploadsInFiveChunks() throws Exception {
        byte[] video = SandboxClient.mp4(50_000_123);
        Init init = init(video.length, 10_000_000, 5);
        for (int i = 0; i < 4; i++) {
            long first = i * 10_000_000L;
            SandboxClient.Reply reply = client.put(init.uploadUrl(), first, first + 9_999_999, video.length,
                    Arrays.copyOfRange(video, (int) first, (int) first + 10_000_000));
            assertThat(reply.status()).isEqualTo(206);
            assertThat(reply.header("content-range")).isEqualTo("bytes 0-" + (first + 9_999_999) + "/50000123");
        }
        assertThat(sandbox.receivedUpload(init.publishId())).isEmpty();
        SandboxClient.Reply last = client.put(init.uploadUrl(), "bytes 40000000-50000122/50000123",
                Arrays.copyOfRange(video, 40_000_000, video.length), "video/mp4");
        assertThat(last.status()).isEqualTo(201);
        assertThat(last.header("content-range")).isEqualTo("bytes 0-50000122/50000123");

        ReceivedUpload received = sandbox.receivedUpload(init.publishId()).orElseThrow();
        assertThat(received.byteCount()).isEqualTo(50_000_123);
        assertThat(received.chunkCount()).isEqualTo(5);
        assertThat(received.sha256Hex()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video)));
        assertThat(received.storedFile()).as("bytes are not kept unless asked").isEmpty();
    }

    @Test
    void singleRequestUploadOf4194304Bytes() {
        Init init = init(4_194_304, 4_194_304, 1);
        SandboxClient.Reply reply = client.put(init.uploadUrl(), "bytes 0-4194303/4194304", SandboxClient.mp4(4_194_304), "video/mp4");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(sandbox.receivedUpload(init.publishId()).orElseThrow().byteCount()).isEqualTo(4_194_304);
    }

    @Test
    void gapsOverlapsAndReplaysGet416WithTheProgress() {
        byte[] video = SandboxClient.mp4(12_000_000);
        Init init = init(video.length, 6_000_000, 2);
        SandboxClient.Reply gap = client.put(init.uploadUrl(), 6_000_000, 11_999_999, video.length, Arrays.copyOfRange(video, 6_000_000, 12_000_000));
        assertThat(gap.status()).isEqualTo(416);
        assertThat(gap.header("content-range")).isEqualTo("bytes */12000000");

        assertThat(client.put(init.uploadUrl(), 0, 5_999_999, video.length, Arrays.copyOf(video, 6_000_000)).status()).isEqualTo(206);
        SandboxClient.Reply replay = client.put(init.uploadUrl(), 0, 5_999_999, video.length, Arrays.copyOf(video, 6_000_000));
        assertThat(replay.status()).isEqualTo(416);
        assertThat(replay.header("content-range")).isEqualTo("bytes 0-5999999/12000000");
        SandboxClient.Reply overlap = client.put(init.uploadUrl(), 5_000_000, 10_999_999, video.length, Arrays.copyOfRange(video, 5_000_000, 11_000_000));
        assertThat(overlap.status()).isEqualTo(416);
        SandboxClient.Reply wrongBoundary = client.put(init.uploadUrl(), 6_000_000, 10_999_999, video.length, Arrays.copyOfRange(video, 6_000_000, 11_000_000));
        assertThat(wrongBoundary.status()).as("the last chunk must run to the end").isEqualTo(416);

        assertThat(client.put(init.uploadUrl(), 6_000_000, 11_999_999, video.length, Arrays.copyOfRange(video, 6_000_000, 12_000_000)).status())
                .isEqualTo(201);
        assertThat(client.put(init.uploadUrl(), 6_000_000, 11_999_999, video.length, Arrays.copyOfRange(video, 6_000_000, 12_000_000)).status())
                .as("nothing more is expected").isEqualTo(416);
        assertThat(sandbox.receivedUploads()).filteredOn(u -> u.publishId().equals(init.publishId())).hasSize(1);
    }

    @Test
    void malformedRequestsGet400AndCommitNothing() {
        Init init = init(1_000, 1_000, 1);
        byte[] body = SandboxClient.mp4(1_000);
        assertThat(client.put(init.uploadUrl(), "bytes 0-999/1000", body, "application/octet-stream").status()).isEqualTo(400);
        assertThat(client.put(init.uploadUrl(), "0-999/1000", body, "video/mp4").status()).isEqualTo(400);
        assertThat(client.put(init.uploadUrl(), 0, 999, 1_000, Arrays.copyOf(body, 900)).status())
                .as("Content-Length differs from the range").isEqualTo(400);
        assertThat(client.put(init.uploadUrl(), 0, 999, 2_000, body).status()).as("total differs from video_size").isEqualTo(400);
        assertThat(sandbox.committedBytes(init.publishId())).isZero();
        assertThat(client.put(init.uploadUrl(), 0, 999, 1_000, body).status()).isEqualTo(201);
    }

    @Test
    void bodyShorterThanItsContentLengthIsNotCommitted() throws Exception {
        Init init = init(1_000, 1_000, 1);
        URI url = URI.create(init.uploadUrl());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: x\r\nContent-Type: video/mp4\r\n"
                    + "Content-Range: bytes 0-999/1000\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(SandboxClient.mp4(500));
            out.flush();
        }
        Thread.sleep(200);
        assertThat(sandbox.committedBytes(init.publishId())).isZero();
        assertThat(client.put(init.uploadUrl(), 0, 999, 1_000, SandboxClient.mp4(1_000)).status())
                .as("the cut-off chunk can be sent again").isEqualTo(201);
    }

    @Test
    void unknownUploadsAre404AndExpiredUrlsAre403() {
        Init init = init(1_000, 1_000, 1);
        assertThat(client.put(init.uploadUrl().replace("upload_token=", "upload_token=x"), 0, 999, 1_000, SandboxClient.mp4(1_000)).status())
                .isEqualTo(404);
        assertThat(client.put(sandbox.uploadBaseUrl() + "/video/?upload_id=1&upload_token=2", 0, 999, 1_000, SandboxClient.mp4(1_000)).status())
                .isEqualTo(404);
        sandbox.clock().advance(Duration.ofMinutes(61));
        assertThat(client.put(init.uploadUrl(), 0, 999, 1_000, SandboxClient.mp4(1_000)).status()).isEqualTo(403);
    }

    @Test
    void serverErrorsCommitNothingSoTheSameChunkCanBeRetried() {
        Init init = init(1_000, 1_000, 1);
        sandbox.faults().failNext(SandboxEndpoint.UPLOAD, 2, Fault.serverError(502));
        assertThat(client.put(init.uploadUrl(), 0, 999, 1_000, SandboxClient.mp4(1_000)).status()).isEqualTo(502);
        assertThat(client.put(init.uploadUrl(), 0, 999, 1_000, SandboxClient.mp4(1_000)).status()).isEqualTo(502);
        assertThat(client.put(init.uploadUrl(), 0, 999, 1_000, SandboxClient.mp4(1_000)).status()).isEqualTo(201);
        assertThat(sandbox.receivedUpload(init.publishId()).orElseThrow().chunkCount()).isEqualTo(1);
    }

    @Test
    void droppedConnectionAfterCommitLeavesTheChunkCommitted() {
        byte[] video = SandboxClient.mp4(12_000_000);
        Init init = init(video.length, 6_000_000, 2);
        sandbox.faults().failNext(SandboxEndpoint.UPLOAD, 1, Fault.dropConnectionAfterEffect());
        assertThatThrownBy(() -> client.put(init.uploadUrl(), 0, 5_999_999, video.length, Arrays.copyOf(video, 6_000_000)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sandbox.committedBytes(init.publishId())).isEqualTo(6_000_000);
        SandboxClient.Reply replay = client.put(init.uploadUrl(), 0, 5_999_999, video.length, Arrays.copyOf(video, 6_000_000));
        assertThat(replay.status()).isEqualTo(416);
        assertThat(replay.header("content-range")).as("the client resumes from here").isEqualTo("bytes 0-5999999/12000000");
        assertThat(client.put(init.uploadUrl(), 6_000_000, 11_999_999, video.length, Arrays.copyOfRange(video, 6_000_000, 12_000_000)).status())
                .isEqualTo(201);
    }

    @Test
    void bytesCanBeKeptForInspection() throws IOException {
        try (TikTokSandbox keeping = SandboxClient.startFast(SandboxConfig.defaults().keepUploadedBytes(true))) {
            SandboxClient keepingClient = new SandboxClient(keeping);
            String token = keepingClient.connect(PUBLIC_CREATOR_OPEN_ID).accessToken();
            SandboxClient.Reply init = keepingClient.fileInit(token, "SELF_ONLY", 2_000, 2_000, 1);
            byte[] video = SandboxClient.mp4(2_000);
            keepingClient.put(init.data().get("upload_url").asText(), 0, 1_999, 2_000, video);
            ReceivedUpload received = keeping.receivedUpload(init.data().get("publish_id").asText()).orElseThrow();
            assertThat(Files.readAllBytes(received.storedFile().orElseThrow())).isEqualTo(video);
        }
    }

    /** 300 MB through a test JVM whose heap is far smaller than that only works if the sandbox streams. */
    @Test
    void largeUploadsStreamThroughWithoutBeingBuffered() throws Exception {
        long size = 300_000_000L;
        long chunk = 60_000_000L;
        Init init = init(size, chunk, 5);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        for (long first = 0; first < size; first += chunk) {
            long length = chunk;
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(init.uploadUrl()))
                    .header("Content-Type", "video/mp4")
                    .header("Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + size)
                    .PUT(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                            java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(length)), length))
                    .build();
            assertThat(client.send(request).status()).isEqualTo(first + chunk < size ? 206 : 201);
            try (PatternStream again = new PatternStream(length)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = again.read(buffer)) > 0; ) {
                    expected.update(buffer, 0, n);
                }
            }
        }
        ReceivedUpload received = sandbox.receivedUpload(init.publishId()).orElseThrow();
        assertThat(received.byteCount()).isEqualTo(size);
        assertThat(received.sha256Hex()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(Runtime.getRuntime().maxMemory()).as("the proof needs a heap smaller than the video").isLessThan(size);
    }

    /** Deterministic bytes starting with an ftyp box, generated on the fly. */
    private static final class PatternStream extends java.io.InputStream {
        private final long length;
        private long position;

        PatternStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return position < length ? (int) (position++ * 31 + 7) & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((position++ * 31 + 7) & 0xFF);
            }
            return n;
        }
    }
}
