package io.tiktimer.publisher.client;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.OptionalLong;

/** Media objects in S3, read as byte ranges so a chunk streams straight from S3 into TikTok's PUT. */
@ApplicationScoped
public class MediaStore {

    private final S3Client s3;

    public MediaStore(S3Client s3) {
        this.s3 = s3;
    }

    /** The object's size, or empty when it does not exist. Other S3 errors propagate (retry later). */
    public OptionalLong size(String bucket, String key) {
        try {
            return OptionalLong.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /** An open stream of bytes {@code first..last} (inclusive); the caller closes it. */
    public ResponseInputStream<GetObjectResponse> openRange(String bucket, String key, long first, long last) {
        return s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=" + first + "-" + last));
    }
}
