package io.tiktimer.post.client;

import io.tiktimer.post.config.PostConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The media bucket. Uploads stream through one part-sized buffer: a file that fits in one part is a single PUT,
 * anything bigger an S3 multipart upload, so memory stays at one part whatever the file size (the SDK's own
 * {@code RequestBody.fromInputStream} needs the length up front and would buffer otherwise).
 */
@ApplicationScoped
public class MediaStorageClient {

    /** Sees every byte once, in order, as it goes to S3. */
    @FunctionalInterface
    public interface Tap {
        void accept(byte[] bytes, int offset, int length);
    }

    private final S3Client s3;
    private final S3Presigner presigner;
    private final PostConfig config;

    public MediaStorageClient(S3Client s3, S3Presigner presigner, PostConfig config,
                              @ConfigProperty(name = "quarkus.s3.path-style-access", defaultValue = "false") boolean pathStyle) {
        this.s3 = s3;
        this.config = config;
        this.presigner = config.media().browserEndpoint().map(endpoint -> browserPresigner(s3, endpoint, pathStyle))
                .orElse(presigner);
    }

    /**
     * A presigner for the address browsers use: a presigned URL's signature covers its host, so it must be made for
     * the host the browser sends, with the client's own region and credentials.
     */
    private static S3Presigner browserPresigner(S3Client s3, URI endpoint, boolean pathStyle) {
        return S3Presigner.builder()
                .region(s3.serviceClientConfiguration().region())
                .credentialsProvider(s3.serviceClientConfiguration().credentialsProvider())
                .endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .build();
    }

    public String bucket() {
        return config.media().bucket();
    }

    /** Streams {@code in} to {@code key}; returns the number of bytes stored. Aborts the multipart upload on failure. */
    public long upload(String key, String contentType, InputStream in, long maxBytes, Tap tap) {
        byte[] part = new byte[config.media().partSizeBytes()];
        String uploadId = null;
        List<CompletedPart> parts = new ArrayList<>();
        long total = 0;
        try {
            while (true) {
                int filled = fill(in, part);
                if (filled > 0) {
                    tap.accept(part, 0, filled);
                    total += filled;
                    if (total > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                }
                boolean last = filled < part.length;
                if (uploadId == null && last) {
                    s3.putObject(b -> b.bucket(bucket()).key(key).contentType(contentType),
                            RequestBody.fromBytes(java.util.Arrays.copyOf(part, filled)));
                    return total;
                }
                if (uploadId == null) {
                    uploadId = s3.createMultipartUpload(b -> b.bucket(bucket()).key(key).contentType(contentType)).uploadId();
                }
                if (filled > 0) {
                    int number = parts.size() + 1;
                    String id = uploadId;
                    String etag = s3.uploadPart(b -> b.bucket(bucket()).key(key).uploadId(id).partNumber(number)
                            .contentLength((long) filled), RequestBody.fromInputStream(
                            new java.io.ByteArrayInputStream(part, 0, filled), filled)).eTag();
                    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                }
                if (last) {
                    String id = uploadId;
                    s3.completeMultipartUpload(b -> b.bucket(bucket()).key(key).uploadId(id)
                            .multipartUpload(m -> m.parts(parts)));
                    return total;
                }
            }
        } catch (IOException e) {
            abort(key, uploadId);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            abort(key, uploadId);
            throw e;
        }
    }

    private void abort(String key, String uploadId) {
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket()).key(key).uploadId(uploadId));
            } catch (RuntimeException ignored) {
                // the bucket's lifecycle rule for incomplete multipart uploads cleans up what this cannot
            }
        }
    }

    private static int fill(InputStream in, byte[] buf) throws IOException {
        int filled = 0;
        while (filled < buf.length) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    /** Stores a small object already in memory (a poster frame) with one PUT. */
    public void put(String key, String contentType, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket()).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    public URL presignPut(String key, String contentType, Duration ttl) {
        return presigner.presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(r -> r.bucket(bucket()).key(key).contentType(contentType))).url();
    }

    /** A short-lived address a browser can read the object from (a <video>/<img> cannot send a bearer token). */
    public URL presignGet(String key, String contentType, Duration ttl) {
        return presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(r -> r.bucket(bucket()).key(key).responseContentType(contentType))).url();
    }

    public Optional<ResponseInputStream<GetObjectResponse>> open(String key) {
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket()).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket()).key(key));
    }

    /** Deletes every object under {@code prefix}, a page at a time. Idempotent. */
    public void deletePrefix(String prefix) {
        String token = null;
        do {
            String t = token;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket()).prefix(prefix).continuationToken(t));
            List<ObjectIdentifier> ids = page.contents().stream().map(S3Object::key)
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            if (!ids.isEmpty()) {
                s3.deleteObjects(b -> b.bucket(bucket()).delete(d -> d.objects(ids).quiet(true)));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
    }

    /** The upload went past the size limit; the partial object is discarded. */
    public static class TooLargeException extends RuntimeException {
        private final long limit;

        public TooLargeException(long limit) {
            super("larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
