package io.tiktimer.post.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.tiktimer.post.Media;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URL;
import java.time.Instant;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Media")
public record MediaResponse(long id, @Schema(description = "pending (presigned upload not verified yet) or ready") String status,
                            @Schema(description = "video or photo") String kind, String container, String contentType,
                            String filename, Long sizeBytes, String sha256, Double durationSeconds, Integer width,
                            Integer height, Double fps, String codec, Instant createdAt,
                            @Schema(description = "A short-lived address of the media's poster frame (a small JPEG), "
                                    + "null while it has none") String posterUrl) {

    public static MediaResponse of(Media m, URL posterUrl) {
        return new MediaResponse(m.id, m.status.name().toLowerCase(), m.kind == null ? null : m.kind.name().toLowerCase(),
                m.container, m.contentType, m.originalFilename, m.sizeBytes, m.sha256, m.durationSeconds, m.width,
                m.height, m.fps, m.codec, m.createdAt, posterUrl == null ? null : posterUrl.toString());
    }
}
