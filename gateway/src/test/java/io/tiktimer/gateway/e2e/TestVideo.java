package io.tiktimer.gateway.e2e;

import io.tiktimer.devstack.testing.TestVideos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A generated MP4 written to a temporary file, with the checksum TikTok must end up holding. */
record TestVideo(Path file, long size, String sha256) {

    static TestVideo of(long size, double seconds) throws IOException {
        Path file = Files.createTempFile("e2e-video", ".mp4");
        file.toFile().deleteOnExit();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(TestVideos.mp4(size, seconds).stream(), digest)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new TestVideo(file, size, HexFormat.of().formatHex(digest.digest()));
    }
}
