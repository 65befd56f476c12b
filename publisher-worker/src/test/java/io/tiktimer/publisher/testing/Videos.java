package io.tiktimer.publisher.testing;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Test videos generated as a stream straight into S3 (never in memory): an ISO-BMFF {@code ftyp} box, so TikTok's
 * format check passes, followed by a deterministic byte pattern.
 */
public final class Videos {
    private static final byte[] FTYP = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
            'i', 's', 'o', 'm', 'm', 'p', '4', '1'};

    private Videos() {
    }

    /** Writes {@code size} bytes to {@code bucket/key} and returns their SHA-256 (hex). */
    public static String put(S3Client s3, String bucket, String key, long size, int seed) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("video/mp4"),
                RequestBody.fromContentProvider(() -> stream(size, seed), size, "video/mp4"));
        return sha256(size, seed);
    }

    public static String sha256(long size, int seed) {
        try (InputStream in = stream(size, seed)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static InputStream stream(long size, int seed) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                return byteAt(position++) & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = byteAt(position++);
                }
                return n;
            }

            private byte byteAt(long p) {
                if (p < FTYP.length) {
                    return FTYP[(int) p];
                }
                long x = p * 0x9E3779B97F4A7C15L + seed;
                return (byte) (x >>> 56 ^ x >>> 29);
            }
        };
    }
}
