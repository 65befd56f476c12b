package io.tiktimer.post;

import io.tiktimer.contracts.MediaType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "media")
public class Media {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "user_id", nullable = false)
    public long userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MediaStatus status;
    @Enumerated(EnumType.STRING)
    public MediaType kind;
    public String container;
    @Column(name = "content_type")
    public String contentType;
    @Column(nullable = false)
    public String bucket;
    @Column(name = "s3_key", nullable = false)
    public String s3Key;
    @Column(name = "original_filename")
    public String originalFilename;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    public String sha256;
    @Column(name = "duration_seconds")
    public Double durationSeconds;
    public Integer width;
    public Integer height;
    public Double fps;
    public String codec;
    /** The poster frame's S3 key, or null while there is none. */
    @Column(name = "poster_key")
    public String posterKey;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
